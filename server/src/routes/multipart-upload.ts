import type { FastifyRequest } from 'fastify';
import { badRequest, tooLarge } from '../http/errors.js';
import { ContentTooLargeError } from '../store/content-store.js';
import type { CreateInput } from '../repo/node-writes.js';
import type { Repository } from '../repo/repository.js';
import type { StagedContent } from '../store/content-store.js';

/** Form fields ACS reads itself; every other field with a `prefix:name` is a property. */
const KNOWN_FIELDS = new Set([
  'name',
  'nodeType',
  'relativePath',
  'autoRename',
  'overwrite',
  'majorVersion',
  'versioningEnabled',
  'comment',
  'renditions',
  'include',
  'fields',
  'aspectNames',
  'updateNodeRef',
]);

/** Parses a boolean form field. */
function boolField(v: string | undefined, name: string, dflt: boolean): boolean {
  if (v === undefined || v === '') return dflt;
  if (v === 'true' || v === 'false') return v === 'true';
  throw badRequest(`Invalid boolean for ${name}: ${v}`);
}

/**
 * Reads a multipart upload the way ACS does: one `filedata` part streamed straight to the
 * content store's temp area (never buffered whole), plus fields in any order. Properties come
 * from fields named as QNames (`efr:sha256=…`). Anything malformed is a 400; the staged file
 * is discarded by the caller when the create fails.
 */
export async function readUpload(
  repo: Repository,
  req: FastifyRequest,
): Promise<CreateInput & { include?: string }> {
  const fields: Record<string, string> = {};
  let staged: StagedContent | undefined;
  let fileName: string | undefined;
  let mimeType: string | undefined;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'filedata' || staged) {
          part.file.resume();
          throw badRequest(`Unexpected file part: ${part.fieldname}`);
        }
        fileName = part.filename;
        mimeType = part.mimetype;
        staged = await repo.store.stage(part.file, repo.uploadLimit);
        if (part.file.truncated)
          throw tooLarge(`File exceeds the upload limit of ${repo.uploadLimit} bytes`);
      } else {
        if (part.fieldnameTruncated || part.valueTruncated)
          throw badRequest(`Field ${part.fieldname} is too large`);
        if (typeof part.value !== 'string')
          throw badRequest(`Field ${part.fieldname} must be text`);
        if (Object.hasOwn(fields, part.fieldname))
          throw badRequest(`Field ${part.fieldname} repeated`);
        fields[part.fieldname] = part.value;
      }
    }
  } catch (err) {
    if (staged) await repo.store.discard(staged);
    if (err instanceof ContentTooLargeError) throw tooLarge(err.message);
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE')
      throw tooLarge(`File exceeds the upload limit of ${repo.uploadLimit} bytes`);
    if (typeof code === 'string' && code.startsWith('FST_'))
      throw badRequest(`Malformed multipart body: ${(err as Error).message}`);
    if (err instanceof Error && /multipart|boundary|Unexpected end/i.test(err.message)) {
      throw badRequest(`Malformed multipart body: ${err.message}`);
    }
    throw err;
  }
  if (!staged) throw badRequest('Required field filedata is missing');
  const properties: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (KNOWN_FIELDS.has(k)) continue;
    if (/^[A-Za-z][\w-]*:[\w.-]+$/.test(k)) properties[k] = v;
    else {
      await repo.store.discard(staged);
      throw badRequest(`Unknown form field: ${k}`);
    }
  }
  const name = fields.name ?? fileName;
  try {
    return {
      name,
      nodeType: fields.nodeType ?? 'cm:content',
      relativePath: fields.relativePath,
      autoRename: boolField(fields.autoRename, 'autoRename', false),
      overwrite: boolField(fields.overwrite, 'overwrite', false),
      aspectNames: fields.aspectNames
        ? fields.aspectNames.split(',').map((s) => s.trim())
        : undefined,
      properties,
      fromText: true,
      include: fields.include,
      content: { staged, mimeType },
    };
  } catch (err) {
    await repo.store.discard(staged);
    throw err;
  }
}
