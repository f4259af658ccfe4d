/**
 * QName spelling for the behaviours. The names themselves come from content-model/src/qnames.ts
 * (the single source); this file only turns `efr:x` into the `{uri}x` form that Java QName maps
 * use as keys, and reads node properties under either spelling.
 */
import { EFR_NAMESPACE_URI, EFR_PREFIX } from '../../../content-model/src/qnames.js';
import type { ScriptNodeLike } from './acs-api.js';
import { toPlain } from './java-values.js';
import type { PlainProps, PlainValue } from './java-values.js';

/** Namespace URIs of the prefixes the behaviours read (Alfresco's own are fixed by ACS). */
export const NAMESPACES: Readonly<Record<string, string>> = {
  [EFR_PREFIX]: EFR_NAMESPACE_URI,
  cm: 'http://www.alfresco.org/model/content/1.0',
  sys: 'http://www.alfresco.org/model/system/1.0',
};

/** `cm:content`: the content property of cm:content and its subtypes. */
export const CM_CONTENT = 'cm:content';
/** `cm:userName`: user name of a cm:person. */
export const CM_USER_NAME = 'cm:userName';
/** `cm:authorityName`: `GROUP_…` name of a cm:authorityContainer. */
export const CM_AUTHORITY_NAME = 'cm:authorityName';

/** `prefix:local` → `{uri}local`; a name already in `{uri}local` form is returned as is. */
export function fullName(shortName: string): string {
  if (shortName.charAt(0) === '{') return shortName;
  const colon = shortName.indexOf(':');
  const uri = colon > 0 ? NAMESPACES[shortName.substring(0, colon)] : undefined;
  if (uri === undefined) throw new Error('Unknown QName prefix: ' + shortName);
  return '{' + uri + '}' + shortName.substring(colon + 1);
}

/** A property of plain props (keyed `{uri}local`) by its `prefix:local` name. */
export function propOf(props: PlainProps, shortName: string): PlainValue {
  const v = props[fullName(shortName)];
  return v === undefined ? null : v;
}

/**
 * A property of a ScriptNode by its `prefix:local` name. ACS's ScriptableQNameMap answers both
 * spellings; the full one is tried first because it is what ACS stores.
 */
export function nodeProp(node: ScriptNodeLike, shortName: string): PlainValue {
  const props = node.properties;
  const full = props[fullName(shortName)];
  return toPlain(full !== undefined && full !== null ? full : props[shortName]);
}

/** Whether the node has the aspect, asked by `prefix:local` name. */
export function nodeHasAspect(node: ScriptNodeLike, shortName: string): boolean {
  return String(node.hasAspect(shortName)) === 'true';
}

/** Whether the node's type is `shortName` (or a subtype, where the node can say so). */
export function nodeIsType(node: ScriptNodeLike, shortName: string): boolean {
  if (String(node.typeShort) === shortName || String(node.type) === fullName(shortName)) {
    return true;
  }
  return typeof node.isSubType === 'function' && String(node.isSubType(shortName)) === 'true';
}

/** The nodes of an association list (`assocs` or `sourceAssocs`) by `prefix:local` name. */
export function assocNodes(
  list: Record<string, unknown> | undefined,
  shortName: string,
): ScriptNodeLike[] {
  if (!list) return [];
  const found = list[shortName] !== undefined ? list[shortName] : list[fullName(shortName)];
  if (found === null || found === undefined) return [];
  const arr = found as ArrayLike<ScriptNodeLike>;
  const out: ScriptNodeLike[] = [];
  for (let i = 0; i < arr.length; i++) out.push(arr[i]);
  return out;
}

/** A node's id as a JavaScript string. */
export function nodeId(node: ScriptNodeLike): string {
  return String(node.id);
}
