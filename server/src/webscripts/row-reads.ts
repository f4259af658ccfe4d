import type { NodeRow } from '../repo/node-rows.js';
import type { Repository } from '../repo/repository.js';
import { toInstant } from '../rules/recording-state.js';

/**
 * Readers of stored rows for server/'s own reports over the whole repository (the quality
 * assessment, the violation scan, the finding evidence): every node of a type, read as the
 * repository, and its text and date values. The web scripts written once read through the
 * repository port instead (webscripts/src/repository-port.ts).
 */

/** Every node of `type`, with aspects, in id order. */
export function nodesOfType(repo: Repository, type: string): NodeRow[] {
  const raw = repo.db.prepare('SELECT * FROM nodes WHERE type = ? ORDER BY id').all(type);
  return repo.rows.fromRawRows(raw as Parameters<typeof repo.rows.fromRawRows>[0]);
}

/** Epoch ms of a stored date property, or null. */
export function msOf(n: NodeRow, key: string): number | null {
  const iso = toInstant(n.props[key]);
  return iso === null ? null : Date.parse(iso);
}

/** A stored text property, or ''. */
export function text(n: NodeRow, key: string): string {
  const v = n.props[key];
  return typeof v === 'string' ? v : '';
}
