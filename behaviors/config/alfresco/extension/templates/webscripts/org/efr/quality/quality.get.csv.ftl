<#-- The controller puts the CSV text (webscripts/src/quality/quality-csv.ts) into model.body; Surf sets text/csv from the format. -->
${body}