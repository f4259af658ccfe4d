/** Types of scripts/build-cli.mjs for the TypeScript that imports it (the disc benchmark). */
export function bundleForNode(entries: string[], outdir: string): string[];
export const CLI_DIR: string;
