/**
 * SHA-256 and size of a node's content, computed inside ACS from the stored bytes (R26.1: the
 * repository, not the client, vouches for the fixity of what it received).
 *
 * `node.properties['cm:content']` is a ScriptNode.ScriptContentData, whose getInputStream()
 * opens a ContentReader on the node's content (ContentService#getReader). The bytes are read
 * in chunks through java.security.MessageDigest, so a multi-gigabyte recording never sits in
 * memory. Java is reached through `Packages` (classpath scripts are secure in ACS). No library
 * is used: Rhino has no WebCrypto and a JavaScript SHA-256 over gigabytes would be far slower
 * than the JDK's.
 */
import type { ScriptNodeLike } from './acs-api.js';
import { javaPackages } from './acs-api.js';
import { CM_CONTENT, fullName } from './model-names.js';

/** Bytes read per call (a Java byte[] of this length is reused). */
export const DIGEST_CHUNK_BYTES = 1024 * 1024;

/** What a digest found: lower-case hex SHA-256 and the byte count. */
export interface ContentDigest {
  readonly sha256: string;
  readonly size: number;
}

/** The Java InputStream methods read here. */
interface JavaInputStream {
  read(buffer: unknown, offset: number, length: number): number;
  close(): void;
}

/** The ScriptContentData method read here. */
interface ContentDataLike {
  getInputStream(): JavaInputStream | null;
}

/** The Java MessageDigest methods used here. */
interface JavaMessageDigest {
  update(buffer: unknown, offset: number, length: number): void;
  digest(): ArrayLike<number>;
}

/** The slice of the `java` package tree used here. */
interface JavaRoot {
  security: { MessageDigest: { getInstance(algorithm: string): JavaMessageDigest } };
  lang: {
    Byte: { TYPE: unknown };
    reflect: { Array: { newInstance(type: unknown, length: number): unknown } };
  };
}

function javaRoot(): JavaRoot | null {
  const pkgs = javaPackages();
  const java = pkgs === null ? undefined : (pkgs.java as JavaRoot | undefined);
  return java === undefined || java === null ? null : java;
}

/** Signed Java bytes → lower-case hex. */
function hexOf(bytes: ArrayLike<number>): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = Number(bytes[i]) & 0xff;
    out += (b < 16 ? '0' : '') + b.toString(16);
  }
  return out;
}

/**
 * The SHA-256 and size of `node`'s cm:content, or null when the node has no content or the
 * scope gives no Java access (then the caller cannot vouch for the bytes and must refuse).
 */
export function digestContent(node: ScriptNodeLike): ContentDigest | null {
  const java = javaRoot();
  if (java === null) return null;
  const props = node.properties;
  const full = props[fullName(CM_CONTENT)];
  const content = (full !== undefined && full !== null ? full : props[CM_CONTENT]) as
    ContentDataLike | null | undefined;
  if (content === null || content === undefined || typeof content.getInputStream !== 'function') {
    return null;
  }
  const input = content.getInputStream();
  if (input === null || input === undefined) return null;
  const md = java.security.MessageDigest.getInstance('SHA-256');
  const buffer = java.lang.reflect.Array.newInstance(java.lang.Byte.TYPE, DIGEST_CHUNK_BYTES);
  let size = 0;
  try {
    for (;;) {
      const n = Number(input.read(buffer, 0, DIGEST_CHUNK_BYTES));
      if (n < 0) break;
      if (n > 0) md.update(buffer, 0, n);
      size += n;
    }
  } finally {
    input.close();
  }
  return { sha256: hexOf(md.digest()), size };
}
