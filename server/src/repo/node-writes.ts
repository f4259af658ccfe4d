import { randomUUID } from 'node:crypto';
import { appendAccessLog } from '../access-log/access-log.js';
import { AcsError, badRequest, conflict, notFound } from '../http/errors.js';
import {
  applyDefaults,
  applyPropertyChanges,
  checkAspectNames,
  checkMandatory,
} from '../model/node-properties.js';
import { autoRenamed, checkNodeName, isPrefixedQName } from '../model/names.js';
import type { StagedContent } from '../store/content-store.js';
import { guessMimeType } from './mimetypes.js';
import type { NodeRow } from './node-rows.js';
import { parsePermissionsBody, type PermissionsBody } from './permission-body.js';
import { setLocalAces } from './permissions.js';
import type { Caller, Repository } from './repository.js';
import { checkLockFor } from './locks.js';

/** Content arriving with a new node or as new content of an existing one. */
export interface IncomingContent {
  staged: StagedContent;
  mimeType?: string;
  encoding?: string;
}

/** What a client asks to create (JSON body or multipart fields). */
export interface CreateInput {
  name: unknown;
  nodeType: unknown;
  aspectNames?: unknown;
  properties?: unknown;
  relativePath?: unknown;
  permissions?: unknown;
  targets?: unknown;
  autoRename: boolean;
  overwrite?: boolean;
  /** Whether property values came as form text (multipart) and need conversion. */
  fromText: boolean;
  content?: IncomingContent;
}

/** Thrown inside a transaction to roll back a successful dry run. */
class DryRun extends Error {}

/** Whether a node's type belongs to EFR (its workflow changes go to the access log). */
export function isEfr(n: NodeRow): boolean {
  return n.type.startsWith('efr:');
}

/**
 * Creates a node: checks input, model and rules in a transaction that is rolled back (dry
 * run), then makes the content durable, then commits the row in a second transaction. A bad
 * input therefore stores nothing, and a row never references content that is not on disk.
 */
export async function createNode(
  repo: Repository,
  c: Caller,
  parent: NodeRow,
  input: CreateInput,
): Promise<NodeRow> {
  const run = (dry: boolean): NodeRow => {
    let created: NodeRow | undefined;
    try {
      repo.db.transaction(() => {
        created = createSync(repo, c, parent, input);
        if (dry) throw new DryRun();
      })();
    } catch (err) {
      if (!(err instanceof DryRun)) throw err;
    }
    return created as NodeRow;
  };
  return repo.exclusive(async () => {
    try {
      run(true);
    } catch (err) {
      if (input.content) await repo.store.discard(input.content.staged);
      throw err;
    }
    if (input.content) await repo.store.commit(input.content.staged);
    return run(false);
  });
}

function createSync(repo: Repository, c: Caller, parentIn: NodeRow, input: CreateInput): NodeRow {
  const now = c.rule.now;
  const type = repo.checkType(input.nodeType);
  let name = checkNodeName(input.name);
  let parent = parentIn;
  if (!parent.isFolder) throw badRequest('Parent is not a folder');
  if (
    input.relativePath !== undefined &&
    input.relativePath !== null &&
    input.relativePath !== ''
  ) {
    if (typeof input.relativePath !== 'string') throw badRequest('relativePath must be a string');
    const segments = input.relativePath.split('/').filter((s) => s !== '');
    // Checked before any folder is made: a 300-level path costs nothing (issue 16).
    repo.checkDepth(parent, segments.length + 1);
    for (const seg of segments) {
      checkNodeName(seg);
      let next = repo.rows.childByName(parent.id, seg);
      if (!next) {
        repo.require(c, parent, 'CreateChildren');
        next = repo.newFolderRow(parent.id, seg, c.userId, now);
        repo.rows.insert(next);
      }
      if (!next.isFolder) throw badRequest(`relativePath element ${seg} is not a folder`);
      repo.require(c, next, 'Read');
      parent = next;
    }
  }
  repo.require(c, parent, 'CreateChildren');
  repo.checkDepth(parent, 1);
  const existing = repo.rows.childByName(parent.id, name);
  if (existing && input.overwrite && input.content && existing.isFile) {
    return updateContentSync(repo, c, existing, input.content);
  }
  if (existing) {
    if (!input.autoRename) throw conflict(`Duplicate child name not allowed: ${name}`);
    for (let i = 1; ; i++) {
      const candidate = autoRenamed(name, i);
      if (!repo.rows.childByName(parent.id, candidate)) {
        name = candidate;
        break;
      }
    }
  }
  let aspects = repo.model.mandatoryAspects(type);
  if (input.aspectNames !== undefined) {
    aspects = [...new Set([...aspects, ...checkAspectNames(repo.model, input.aspectNames)])];
  }
  const props = input.properties ?? {};
  if (typeof props !== 'object' || props === null || Array.isArray(props)) {
    throw badRequest('properties must be an object');
  }
  const applied = applyPropertyChanges(
    repo.model,
    type,
    aspects,
    {},
    props as Record<string, unknown>,
    input.fromText,
  );
  if (repo.model.isSubClassOf(type, 'cm:content')) {
    fixity(
      repo,
      type,
      applied.aspects,
      applied.props,
      input.content?.staged ?? { sha256: EMPTY_SHA256, size: 0 },
    );
  }
  applyDefaults(repo.model, type, applied.aspects, applied.props);
  checkMandatory(repo.model, type, applied.aspects, applied.props);
  const isFile = repo.model.isSubClassOf(type, 'cm:content');
  if (input.content && !isFile) throw badRequest(`Type ${type} cannot hold content`);
  const node: NodeRow = {
    id: randomUUID(),
    type,
    parentId: parent.id,
    name,
    isFolder: repo.model.isSubClassOf(type, 'cm:folder'),
    isFile,
    createdAt: now,
    createdBy: c.userId,
    modifiedAt: now,
    modifiedBy: c.userId,
    props: applied.props,
    aspects: applied.aspects,
    content: isFile
      ? {
          sha256: input.content?.staged.sha256 ?? EMPTY_SHA256,
          size: input.content?.staged.size ?? 0,
          mimeType: guessMimeType(name, input.content?.mimeType),
          encoding: input.content?.encoding ?? 'UTF-8',
        }
      : null,
    inherit: true,
    aclLocal: false,
    lock: null,
  };
  let perms: PermissionsBody | undefined;
  if (input.permissions !== undefined) {
    perms = parsePermissionsBody(input.permissions);
    node.inherit = perms.isInheritanceEnabled ?? true;
    node.aclLocal = !node.inherit || (perms.locallySet?.length ?? 0) > 0;
  }
  repo.rows.insert(node);
  if (perms) {
    repo.enforce(c, repo.rules.beforeGenericAct(node, 'permissions', c.rule), 'permissions', parent);
  }
  if (perms?.locallySet) setLocalAces(repo.db, node.id, perms.locallySet);
  if (input.targets !== undefined) addTargetsSync(repo, node, input.targets);
  // Rules see the node with its associations (a request names its recordings by targets);
  // a refusal rolls the whole creation back with the transaction.
  repo.enforce(c, repo.rules.beforeCreate(node, parent, c.rule), 'create', parent);
  if (isEfr(node)) {
    appendAccessLog(repo.db, {
      user: c.userId,
      action: 'create',
      nodeId: node.id,
      values: {
        type: node.type,
        name: node.name,
        ...(node.content ? { sha256: node.content.sha256 } : {}),
      },
    });
  }
  return repo.rows.get(node.id) as NodeRow;
}

/** Fixity properties filled from the bytes the server hashed itself: [sha256, size]. */
const FIXITY: [string, string][] = [
  ['efr:sha256', 'efr:sizeBytes'],
  ['efr:imageSha256', 'efr:imageSize'],
];

/**
 * Fixes SHA-256 and size at ingest from the server's own hash (R26.1, R21.4): a client value
 * that differs is refused (422); a missing one is filled in.
 */
function fixity(
  repo: Repository,
  type: string,
  aspects: string[],
  props: Record<string, unknown>,
  staged: { sha256: string; size: number },
): void {
  const known = new Set(repo.model.propertiesOf(type, aspects).map((p) => p.name));
  for (const [hashProp, sizeProp] of FIXITY) {
    if (!known.has(hashProp)) continue;
    const claimed = props[hashProp];
    if (typeof claimed === 'string' && claimed.toLowerCase() !== staged.sha256) {
      throw new AcsError(
        422,
        'efr.recording.hashMismatch',
        `${hashProp} ${claimed} does not match the uploaded bytes (${staged.sha256}) / 上传文件的哈希值与声明不符`,
      );
    }
    props[hashProp] = staged.sha256;
    if (known.has(sizeProp)) {
      const size = props[sizeProp];
      if (size !== undefined && size !== staged.size) {
        throw new AcsError(
          422,
          'efr.recording.sizeMismatch',
          `${sizeProp} ${String(size)} does not match the uploaded size ${staged.size} / 上传文件大小与声明不符`,
        );
      }
      props[sizeProp] = staged.size;
    }
  }
}

/** SHA-256 of zero bytes: content of a file node created without content. */
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** Adds peer associations `[{targetId, assocType}]` from a node. */
export function addTargetsSync(repo: Repository, source: NodeRow, targets: unknown): void {
  if (!Array.isArray(targets)) throw badRequest('targets must be an array');
  for (const t of targets as unknown[]) {
    const body = t as { targetId?: unknown; assocType?: unknown };
    if (
      typeof t !== 'object' ||
      t === null ||
      typeof body.targetId !== 'string' ||
      !isPrefixedQName(body.assocType)
    ) {
      throw badRequest('Each target needs targetId and assocType');
    }
    const target = repo.rows.get(body.targetId);
    if (!target) throw notFound(`The entity with id: ${body.targetId} was not found`);
    checkAssocType(repo, source, target, body.assocType);
    const r = repo.db
      .prepare('INSERT OR IGNORE INTO peer_assocs (source_id, target_id, type) VALUES (?,?,?)')
      .run(source.id, target.id, body.assocType);
    if (r.changes === 0) throw conflict(`Association ${body.assocType} to ${target.id} exists`);
  }
}

/** Checks an association type against the model: known, peer, source and target classes. */
export function checkAssocType(
  repo: Repository,
  source: NodeRow,
  target: NodeRow,
  assocType: string,
): void {
  if (assocType === 'cm:references' || assocType === 'cm:original') return;
  for (const cls of [source.type, ...source.aspects]) {
    for (const def of repo.model.chain(cls)) {
      const a = def.associations.find((x) => x.name === assocType);
      if (!a) continue;
      if (a.isChild) throw badRequest(`${assocType} is a child association`);
      const ok =
        repo.model.isSubClassOf(target.type, a.targetClass) ||
        target.aspects.includes(a.targetClass);
      if (!ok) throw unprocessableTarget(assocType, target.type);
      return;
    }
  }
  throw badRequest(`Unknown association type for ${source.type}: ${assocType}`);
}

function unprocessableTarget(assocType: string, targetType: string): Error {
  return badRequest(`Association ${assocType} cannot target a node of type ${targetType}`);
}

/** Replaces a file's content (PUT content, overwrite upload), inside a transaction. */
export function updateContentSync(
  repo: Repository,
  c: Caller,
  node: NodeRow,
  content: IncomingContent,
): NodeRow {
  if (!node.isFile) throw badRequest('Node is not a file');
  repo.require(c, node, 'Write');
  checkLockFor(c, node);
  repo.enforce(c, repo.rules.beforeContentUpdate(node, c.rule), 'updateContent', node);
  const next: NodeRow = {
    ...node,
    modifiedAt: c.rule.now,
    modifiedBy: c.userId,
    content: {
      sha256: content.staged.sha256,
      size: content.staged.size,
      mimeType:
        content.mimeType && content.mimeType !== 'application/octet-stream'
          ? content.mimeType
          : (node.content?.mimeType ?? guessMimeType(node.name)),
      encoding: content.encoding ?? node.content?.encoding ?? 'UTF-8',
    },
  };
  // New bytes of a not yet sealed record: its fixity follows (the rules refused sealed ones).
  const props = { ...node.props };
  for (const k of FIXITY.flat()) delete props[k];
  fixity(repo, node.type, node.aspects, props, content.staged);
  next.props = props;
  repo.rows.update(next);
  if (isEfr(node)) {
    appendAccessLog(repo.db, {
      user: c.userId,
      action: 'updateContent',
      nodeId: node.id,
      values: { sha256: content.staged.sha256, previousSha256: node.content?.sha256 ?? '' },
    });
  }
  return repo.rows.get(node.id) as NodeRow;
}

/** PUT content: dry run, durable content, then the commit (same pattern as createNode). */
export async function updateContent(
  repo: Repository,
  c: Caller,
  node: NodeRow,
  content: IncomingContent,
): Promise<NodeRow> {
  return repo.exclusive(() => updateContentLocked(repo, c, node, content));
}

async function updateContentLocked(
  repo: Repository,
  c: Caller,
  nodeIn: NodeRow,
  content: IncomingContent,
): Promise<NodeRow> {
  // Re-read: the node may have changed while the bytes were streaming.
  const node = repo.rows.get(nodeIn.id);
  if (!node) {
    await repo.store.discard(content.staged);
    throw notFound(`The entity with id: ${nodeIn.id} was not found`);
  }
  try {
    repo.db.transaction(() => {
      updateContentSync(repo, c, node, content);
      throw new DryRun();
    })();
  } catch (err) {
    if (!(err instanceof DryRun)) {
      await repo.store.discard(content.staged);
      throw err;
    }
  }
  await repo.store.commit(content.staged);
  return repo.db.transaction(() => updateContentSync(repo, c, node, content))();
}
