/**
 * Public API of the evidence packaging rules (R23.1): payload names, BagIt tag files, the
 * written description, the access-log extract, verify.html and a Joliet tree reader. Pure and
 * synchronous; the disc image itself is written by ../disc/.
 */
export * from './types.js';
export * from './payload-names.js';
export * from './bagit.js';
export * from './description.js';
export * from './access-log-extract.js';
export * from './verify-page.js';
export * from './joliet-reader.js';
