/** The exemption record's JSON is written once for both hosts (webscripts/src/exemptions/). */
export type { ExemptionJson } from '../../../../webscripts/src/exemptions/exemption-json.js';
