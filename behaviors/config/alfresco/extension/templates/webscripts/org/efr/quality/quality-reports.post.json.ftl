<#-- The controller serialises the answer (entry, list or REST API error body) into model.body. -->
${body}
