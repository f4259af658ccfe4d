/** Types of build-module.mjs for the TypeScript specs. */

/** Module id: the folder name under alfresco/module/. */
export declare const MODULE_ID: string;
/** Path prefix of every module entry in the JAR. */
export declare const MODULE_PREFIX: string;
/** Default output: dist/efr-repo.jar. */
export declare const DEFAULT_JAR: string;
/** Files copied from content-model/: [source, path inside the module folder]. */
export declare const MODEL_COPIES: readonly (readonly [string, string])[];
/** `module.version` of module.properties. */
export declare function moduleVersion(): string;
/** Builds the module JAR; returns its path and entries in order. */
export declare function buildModule(options?: { jar?: string }): Promise<{
  jar: string;
  entries: string[];
}>;
/** Whether a JAR entry name is a folder's (directory entry, ends with `/`). */
export declare function isDirectoryEntry(entry: string): boolean;
