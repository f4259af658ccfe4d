/** Types of compile-scripts.mjs for the TypeScript specs. */

/** Folder of the entry scripts. */
export declare const SCRIPTS_DIR: string;
/** Root-scope names ACS gives repository scripts, declared to the linter. */
export declare const ACS_SCRIPT_GLOBALS: readonly string[];
/** The entry scripts, sorted by name. */
export declare function entryScripts(): { name: string; file: string }[];
/** Problems of an ES5 script (acorn syntax, then ESLint no-undef and eqeqeq). */
export declare function checkEs5(name: string, code: string): string[];
/** Compiles one entry to an ES5 script. */
export declare function compileScript(entry: { name: string; file: string }): Promise<{
  name: string;
  code: string;
}>;
/** Compiles every entry script, in name order. */
export declare function compileAllScripts(): Promise<{ name: string; code: string }[]>;
/** Folder of the web script controllers. */
export declare const WEBSCRIPTS_DIR: string;
/** Classpath folder of EFR's web scripts inside the JAR. */
export declare const WEBSCRIPT_STORE: string;
/** The web script controllers, sorted by feature and name. */
export declare function webScriptEntries(): { name: string; feature: string; file: string }[];
/** Compiles every web script controller to its path in the JAR. */
export declare function compileAllWebScripts(): Promise<{ path: string; code: string }[]>;
