/**
 * Nobody owns an EFR record (issue 16, R26.1): ACS's owner (cm:owner of cm:ownable, else the
 * creator: OwnableServiceImpl#getOwner, 25.5.0.31 l. 188-206) holds every permission through
 * ROLE_OWNER. EFR makes the repository itself (`System`, core's RECORD_OWNER) the owner of each
 * workflow record when it is made and of each recording when it is sealed, the way
 * OwnableServiceImpl#setOwner does it (cm:ownable with cm:owner, l. 213-225), as System (the
 * person acting may not hold the right to set an owner).
 */
import { RECORD_OWNER } from '../../../core/src/index.js';
import { EFR_NAMESPACE_URI, EFR_PREFIX } from '../../../content-model/src/qnames.js';
import type { ScriptNodeLike } from './acs-api.js';
import { runAsSystem } from './actor.js';
import { plainString } from './java-values.js';
import { nodeProp } from './model-names.js';

interface OwnableNode {
  addAspect?(aspect: string, props?: Record<string, unknown>): unknown;
  readonly aspects?: ArrayLike<unknown>;
}

/** The node's aspects as `prefix:local` (ScriptNode#getAspects answers `{uri}local`). */
export function nodeAspects(node: ScriptNodeLike): string[] {
  const out: string[] = [];
  const list = (node as unknown as OwnableNode).aspects;
  if (list === undefined || list === null) return out;
  const efr = '{' + EFR_NAMESPACE_URI + '}';
  for (let i = 0; i < list.length; i++) {
    const full = String(list[i]);
    out.push(full.indexOf(efr) === 0 ? EFR_PREFIX + ':' + full.substring(efr.length) : full);
  }
  return out;
}

/** Makes the repository the node's owner (cm:ownable, cm:owner = System), once. */
export function makeRepositoryOwner(node: ScriptNodeLike): void {
  if (plainString(nodeProp(node, 'cm:owner')) === RECORD_OWNER) return;
  runAsSystem(() => {
    const n = node as unknown as OwnableNode;
    if (typeof n.addAspect === 'function') n.addAspect('cm:ownable', { 'cm:owner': RECORD_OWNER });
  });
}
