/**
 * Serves the built Angular app (issue 20): precompressed variants (`.br`, `.gz`, written beside
 * each text file by scripts/compress-app.mjs after `ng build`) chosen by `Accept-Encoding`,
 * immutable caching for content-hashed file names, and revalidation (`ETag`, `Last-Modified`,
 * 304) for everything else: `index.html`, `app.config.json`, the translation files. Unknown
 * paths are client-side routes and get index.html (single-page app).
 */
import { createReadStream, statSync, type Stats } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=UTF-8', '.js': 'text/javascript; charset=UTF-8',
  '.mjs': 'text/javascript; charset=UTF-8', '.css': 'text/css; charset=UTF-8',
  '.json': 'application/json; charset=UTF-8', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=UTF-8', '.map': 'application/json; charset=UTF-8',
  '.wasm': 'application/wasm',
};

/**
 * Output names of `ng build` with `outputHashing: all`: esbuild appends `-` and 8 characters
 * of base32 ([0-9A-Z]) to chunks, entry files, styles and media (`media/x-LEZCGFVT.woff2`).
 */
const HASHED = /-[0-9A-Z]{8}\.[a-z0-9]+$/;

/** Browsers may keep a hashed file a year without asking again: a new build renames it. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Encodings the build writes, best first, with their file suffix. */
const ENCODINGS = [{ name: 'br', suffix: '.br' }, { name: 'gzip', suffix: '.gz' }] as const;

/** Whether a file type is text worth compressing (scripts/compress-app.mjs writes these). */
function compressible(ext: string): boolean {
  return /^\.(html|js|mjs|css|json|svg|txt|map|ico|wasm)$/.test(ext);
}

/**
 * Encodings the client accepts (RFC 9110 §12.5.3): names with a q-value above 0; `*` stands
 * for any encoding not listed.
 */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  const refused = new Set<string>();
  let any = false;
  for (const part of (header ?? '').split(',')) {
    const [rawName, ...params] = part.trim().toLowerCase().split(';');
    const name = rawName.trim();
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const zero = q !== undefined && Number(q.slice(2)) === 0;
    if (name === '*') any = !zero;
    else if (zero) refused.add(name);
    else accepted.add(name);
  }
  if (any) for (const e of ENCODINGS) if (!refused.has(e.name)) accepted.add(e.name);
  return accepted;
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    const s = statSync(path);
    return s.isFile() ? s : undefined;
  } catch {
    return undefined; // ENOENT or ENOTDIR: no such file, the caller falls back
  }
}

/**
 * Whether a variant is from an earlier build than its file (a file replaced by hand, e.g. a
 * deployment's app.config.json): compress-app.mjs gives each variant its file's mtime, which
 * survives to about a millisecond; a rebuild rewrites a file many seconds later.
 */
function stale(variant: Stats, file: Stats): boolean {
  return variant.mtimeMs < file.mtimeMs - 1000;
}

/** Strong validator from size and modification time (the build rewrites what changes). */
function etagOf(stats: Stats, encoding: string): string {
  const base = `${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}`;
  return `"${base}${encoding ? `-${encoding}` : ''}"`;
}

/** Whether the client's copy is current (RFC 9110 §13.1.2, §13.1.3: If-None-Match first). */
function notModified(req: FastifyRequest, etag: string, stats: Stats): boolean {
  const inm = req.headers['if-none-match'];
  if (inm !== undefined) {
    const tags = inm.split(',').map((t) => t.trim().replace(/^W\//, ''));
    return tags.includes('*') || tags.includes(etag);
  }
  const ims = req.headers['if-modified-since'];
  if (ims === undefined) return false;
  const since = Date.parse(ims);
  return Number.isFinite(since) && Math.floor(stats.mtimeMs / 1000) * 1000 <= since;
}

/** Where the Content App (issue 17) is served: its build's `<base href>`. */
export const CONTENT_APP_PATH = '/content-app/';

/**
 * Serves a file of a built app; unknown paths fall back to its index.html (client routing).
 * `mount` is the URL path the app is served under (`/` for the lean shell, CONTENT_APP_PATH).
 */
export function serveApp(
  appDir: string, req: FastifyRequest, reply: FastifyReply, mount = '/',
): unknown {
  let path: string;
  try {
    path = decodeURIComponent(req.url.split('?')[0]).slice(mount.length - 1);
  } catch {
    return reply.code(400).send(); // URIError: a malformed %-escape names no file
  }
  const root = resolve(appDir);
  let file = normalize(join(root, path));
  if (file !== root && !file.startsWith(root + '/')) return reply.code(404).send();
  let stats = statOrUndefined(file);
  if (!stats) {
    file = join(root, 'index.html');
    stats = statOrUndefined(file);
    if (!stats) return reply.code(404).send();
  }
  const ext = extname(file);
  reply.header('Content-Type', TYPES[ext] ?? 'application/octet-stream');
  reply.header('Cache-Control', HASHED.test(file) ? IMMUTABLE : 'no-cache');
  let served = file;
  let encoding = '';
  if (compressible(ext)) {
    reply.header('Vary', 'Accept-Encoding');
    const accepted = acceptedEncodings(req.headers['accept-encoding']);
    for (const e of ENCODINGS) {
      if (!accepted.has(e.name)) continue;
      const variant = statOrUndefined(file + e.suffix);
      if (!variant || stale(variant, stats)) continue;
      served = file + e.suffix;
      encoding = e.name;
      reply.header('Content-Encoding', e.name);
      break;
    }
  }
  const etag = etagOf(stats, encoding);
  reply.header('ETag', etag);
  reply.header('Last-Modified', stats.mtime.toUTCString());
  if (notModified(req, etag, stats)) return reply.code(304).send();
  const size = served === file ? stats.size : (statOrUndefined(served)?.size ?? 0);
  reply.header('Content-Length', size);
  return reply.send(createReadStream(served));
}
