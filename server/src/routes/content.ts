import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { appendAccessLog } from '../access-log/access-log.js';
import { callerOf } from '../http/auth.js';
import { badRequest, notFound, rangeNotSatisfiable, tooLarge } from '../http/errors.js';
import { nodeJson, parseIncludes } from '../repo/node-json.js';
import { updateContent } from '../repo/node-writes.js';
import { checkLockFor } from '../repo/locks.js';
import type { NodeRow } from '../repo/node-rows.js';
import type { Caller, Repository } from '../repo/repository.js';
import { ContentTooLargeError } from '../store/content-store.js';
import { boolQuery } from './nodes.js';
import { CORE } from './paths.js';

/** A byte range, both ends inclusive. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Parses a Range header against a size: a single `bytes=a-b`, `bytes=a-` or `bytes=-n`.
 * Returns undefined for no header or a multi-range (answered with the whole body, as RFC 9110
 * allows), 'unsatisfiable' when no byte of the range exists.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | undefined {
  if (!header) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m) {
    if (/^bytes=[\d\s,-]+$/.test(header.trim())) return undefined; // multi-range: send all
    throw badRequest(`Invalid Range header: ${header}`);
  }
  const [, a, b] = m;
  if (a === '' && b === '') throw badRequest(`Invalid Range header: ${header}`);
  if (a === '') {
    const n = Number(b);
    if (n === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(a);
  const end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
  if (b !== '' && Number(b) < start) throw badRequest(`Invalid Range header: ${header}`);
  if (start >= size) return 'unsatisfiable';
  return { start, end };
}

/** `attachment; filename="…"; filename*=UTF-8''…` with an ASCII fallback name. */
export function disposition(kind: 'attachment' | 'inline', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Content: GET (Range, attachment), HEAD, PUT. Every read is written to the access log. */
export function registerContent(app: FastifyInstance, repo: Repository): void {
  const load = (req: FastifyRequest): { c: Caller; node: NodeRow } => {
    const c = callerOf(repo, req);
    const node = repo.resolve(c, (req.params as { nodeId: string }).nodeId);
    if (!node.content) {
      // A destroyed recording answers 410 with its EFR code, logged (issue 18).
      if (node.aspects.includes('efr:destroyed')) {
        repo.enforce(c, repo.rules.beforeContentRead(node, c.rule), 'readContent', node);
      }
      throw notFound(`Node ${node.id} has no content`);
    }
    return { c, node };
  };
  const headers = (reply: FastifyReply, node: NodeRow, attachment: boolean): void => {
    const content = node.content as NonNullable<NodeRow['content']>;
    reply.header('Accept-Ranges', 'bytes');
    reply.header('ETag', `"${content.sha256}"`);
    reply.header('Last-Modified', new Date(node.modifiedAt).toUTCString());
    reply.header('Content-Disposition', disposition(attachment ? 'attachment' : 'inline', node.name));
    // EFR records (recordings, evidence images) must not stay in a viewer's browser cache after
    // the viewing window closes (R24.2): never stored. Other content: revalidated by ETag.
    reply.header('Cache-Control', node.type.startsWith('efr:') ? 'private, no-store' : 'no-cache');
    const text = content.mimeType.startsWith('text/') ? `; charset=${content.encoding}` : '';
    reply.header('Content-Type', `${content.mimeType}${text}`);
  };
  const serve = async (req: FastifyRequest, reply: FastifyReply, head: boolean): Promise<unknown> => {
    const { c, node } = load(req);
    const q = req.query as Record<string, unknown>;
    const attachment = boolQuery(q.attachment, 'attachment', true);
    const content = node.content as NonNullable<NodeRow['content']>;
    repo.enforce(c, repo.rules.beforeContentRead(node,
      { ...c.rule, readMode: attachment ? 'download' : 'read' }), 'readContent', node);
    const range = parseRange(req.headers.range, content.size);
    headers(reply, node, attachment);
    if (range === 'unsatisfiable') {
      reply.header('Content-Range', `bytes */${content.size}`);
      throw rangeNotSatisfiable(`Range ${req.headers.range ?? ''} not satisfiable for ${content.size} bytes`);
    }
    const etag = `"${content.sha256}"`;
    if (!range && req.headers['if-none-match'] === etag) return reply.code(304).send();
    const ims = req.headers['if-modified-since'];
    if (!range && ims && Date.parse(ims) >= Math.floor(node.modifiedAt / 1000) * 1000) {
      return reply.code(304).send();
    }
    if (!head) {
      const action = range ? 'range' : attachment ? 'download' : 'read';
      repo.db.transaction(() => appendAccessLog(repo.db, { user: c.userId, action, nodeId: node.id,
        values: { sha256: content.sha256, ...(range ? { range: `${range.start}-${range.end}` } : {}) } }))();
    }
    if (range) {
      reply.code(206);
      reply.header('Content-Range', `bytes ${range.start}-${range.end}/${content.size}`);
      reply.header('Content-Length', String(range.end - range.start + 1));
      if (head) return reply.send();
      return reply.send(repo.store.read(content.sha256, range.start, range.end));
    }
    reply.header('Content-Length', String(content.size));
    if (head) return reply.send();
    if (content.size === 0) return reply.send('');
    return reply.send(repo.store.read(content.sha256));
  };
  app.get(`${CORE}/nodes/:nodeId/content`, (req, reply) => serve(req, reply, false));
  app.head(`${CORE}/nodes/:nodeId/content`, (req, reply) => serve(req, reply, true));

  // PUT content takes the raw body of any type: a scoped parser hands the stream through.
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_req, _payload, done) => done(null));
    scope.put(`${CORE}/nodes/:nodeId/content`, async (req) => {
      const c = callerOf(repo, req);
      const node = repo.resolve(c, (req.params as { nodeId: string }).nodeId);
      if (!node.isFile) throw badRequest('Node is not a file');
      // Refuse before reading the body: a sealed recording never gets bytes staged.
      repo.require(c, node, 'Write');
      checkLockFor(c, node);
      repo.enforce(c, repo.rules.beforeContentUpdate(node, c.rule), 'updateContent', node);
      const q = req.query as Record<string, unknown>;
      boolQuery(q.majorVersion, 'majorVersion', false);
      let staged;
      try {
        staged = await repo.store.stage(req.raw, repo.uploadLimit);
      } catch (err) {
        if (err instanceof ContentTooLargeError) throw tooLarge(err.message);
        throw err;
      }
      const ct = req.headers['content-type']?.split(';')[0].trim();
      const updated = await updateContent(repo, c, node, { staged, mimeType: ct });
      return { entry: nodeJson(repo, c, updated, parseIncludes(q.include), true) };
    });
  });
}
