/** Base of the ACS core API v1. */
export const CORE = '/alfresco/api/-default-/public/alfresco/versions/1';
/** Base of the ACS authentication API v1. */
export const AUTH = '/alfresco/api/-default-/public/authentication/versions/1';
/** Base of the ACS search API v1. */
export const SEARCH = '/alfresco/api/-default-/public/search/versions/1';
