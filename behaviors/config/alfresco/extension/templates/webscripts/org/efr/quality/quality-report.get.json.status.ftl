<#-- StreamContent renders this status template for every answer that is not the stored PDF (status.redirect): the controller serialised it into model.body. -->
${body}
