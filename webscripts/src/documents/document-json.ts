/**
 * A generated document (./documents.ts) as both hosts read it: what it is of, and its JSON.
 */
import type { DocumentKind, GeneratedDocument } from '../../../contract/index.js';
import { jobJson, PACKAGE_JOB } from '../evidence-packages/package-json.js';
import { textProp, type PortNode } from '../repository-port.js';
import { notFound } from '../web-script.js';

/** The type of a generated document. */
export const DOCUMENT = 'cm:content';

/** The kinds (contract DOCUMENT_KINDS; a type import keeps TypeBox out of Rhino). */
const KINDS: readonly DocumentKind[] = ['destructionRegister', 'qualityReport'];

/** What a document node says it is: its kind and subject, or null for any other content. */
export function orderOf(n: PortNode): { kind: DocumentKind; subjectId: string } | null {
  if (n.type !== DOCUMENT || n.aspects.indexOf(PACKAGE_JOB) < 0) return null;
  const text = textProp(n, 'cm:description');
  if (text === null) return null;
  try {
    const o = JSON.parse(text) as { kind?: unknown; subjectId?: unknown };
    if (KINDS.indexOf(o.kind as DocumentKind) < 0 || typeof o.subjectId !== 'string') return null;
    return { kind: o.kind as DocumentKind, subjectId: o.subjectId };
  } catch (e) {
    return null;
  }
}

/** A document as the web scripts answer it. */
export function documentJson(n: PortNode): GeneratedDocument {
  const o = orderOf(n);
  if (o === null) throw notFound(n.id);
  return { id: n.id, name: n.name, kind: o.kind, subjectId: o.subjectId, job: jobJson(n) };
}


/**
 * What document `n` is rendered from when its request stored it (`input` beside kind and
 * subject in `cm:description`: a quality report's assessment), or null.
 */
export function storedInputOf(n: PortNode): unknown {
  const text = textProp(n, 'cm:description');
  if (text === null) return null;
  try {
    const o = JSON.parse(text) as { input?: unknown };
    return o.input === undefined ? null : o.input;
  } catch (e) {
    return null;
  }
}
