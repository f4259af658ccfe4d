// Types of generate-forms.mjs, for the TypeScript specs that import it.

/** The model file the forms come from. */
export const MODEL_PATH: string;
/** The model's message bundles: default (en) and zh_CN. */
export const BUNDLE_PATHS: string[];
/** Where the generated configuration is committed. */
export const FORMS_PATH: string;
/** Aspects whose properties (and those of the aspects they require) are never edited. */
export const READ_ONLY_ASPECTS: string[];
/** Builds the share-config-custom.xml text from a model and the key sets of its bundles. */
export function generateForms(modelXml: string, bundles: Set<string>[]): string;
/** Generates from the files of this repository. */
export function generateFromRepository(): string;
