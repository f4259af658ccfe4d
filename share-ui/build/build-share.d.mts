// Types of build-share.mjs, for the TypeScript specs that import it.

/** Where `npm run build:share` writes the JAR. */
export const DEFAULT_OUT: string;
/** Builds the JAR at `out`; returns the entries written, in order. */
export function buildShareJar(out?: string): string[];
