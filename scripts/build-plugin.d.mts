/** Types of scripts/build-plugin.mjs for the TypeScript that imports it (test/plugin/). */
export const PLUGIN_PACKAGE: string;
export const PLUGIN_DIST: string;
export const PLUGIN_TARBALL: string;
export const CONTENT_APP_DEPS: string;
export const PEERS: string[];
export function i18nFolders(): { input: string; output: string }[];
export function buildPlugin(): string;
export function installPlugin(tarball?: string, prefix?: string): string;
