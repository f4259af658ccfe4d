import { badRequest } from '../http/errors.js';

/**
 * Alfresco's cm:name rule (the NodeBodyCreate.name pattern of the ACS OpenAPI plus the
 * repository's filename constraint): none of `* " < > \ / ? : |`, no trailing dot or space,
 * no control characters, at most 255 characters, not empty, not `.` or `..`.
 */
export function checkNodeName(name: unknown): string {
  if (typeof name !== 'string') throw badRequest('Name must be a string');
  if (name.length === 0 || name.trim().length === 0) throw badRequest('Name must not be empty');
  if (name.length > 255) throw badRequest('Name is longer than 255 characters');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) throw badRequest('Name contains control characters');
  if (/[*"<>\\/?:|]/.test(name)) {
    throw badRequest(`Name contains an invalid character: ${name}`);
  }
  if (/[. ]$/.test(name)) throw badRequest('Name must not end with a dot or a space');
  return name;
}

/** Whether a string is a QName in prefix form (`efr:recording`). */
export function isPrefixedQName(s: unknown): s is string {
  return typeof s === 'string' && /^[A-Za-z][\w-]*:[A-Za-z_][\w.-]*$/.test(s);
}

/**
 * Next automatic name when the requested one exists: `report.pdf` → `report-1.pdf`, as
 * ACS's autoRename does.
 */
export function autoRenamed(name: string, n: number): string {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return `${name}-${n}`;
  return `${name.slice(0, dot)}-${n}${name.slice(dot)}`;
}
