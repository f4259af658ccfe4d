/**
 * Typed reads of node properties. The REST API returns `properties` as a free-form map; these
 * helpers turn it into the few shapes the screens show, never throwing on odd values.
 */

/** Anything with the REST API's `properties` map (Node, ResultNode). */
export interface HasProperties {
  properties?: { [key: string]: unknown } | null;
}

/** A property as text; arrays are joined, missing values give ''. */
export function textProp(node: HasProperties | null | undefined, qname: string): string {
  const value = node?.properties?.[qname];
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => String(v)).join('、');
  if (typeof value === 'object') {
    // Person-valued properties (cm:person references) come back as objects in some hosts.
    const named = value as { displayName?: unknown; id?: unknown };
    return String(named.displayName ?? named.id ?? '');
  }
  return String(value);
}

/** A multi-valued text property as a list. */
export function listProp(node: HasProperties | null | undefined, qname: string): string[] {
  const value = node?.properties?.[qname];
  if (value === null || value === undefined || value === '') return [];
  return Array.isArray(value) ? value.map((v) => String(v)) : [String(value)];
}

/** A number property, or null when absent or not a number. */
export function numberProp(node: HasProperties | null | undefined, qname: string): number | null {
  const value = node?.properties?.[qname];
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

/** A boolean property; the strings "true"/"false" count too. */
export function boolProp(node: HasProperties | null | undefined, qname: string): boolean {
  const value = node?.properties?.[qname];
  return value === true || value === 'true';
}

/** A date property as a Date, or null when absent or unparsable. */
export function dateProp(node: HasProperties | null | undefined, qname: string): Date | null {
  const value = node?.properties?.[qname];
  if (value === null || value === undefined || value === '') return null;
  const d = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Reads the HTTP status of a js-api error (it carries `status`, sometimes only in `message`). */
export function errorStatus(error: unknown): number | null {
  if (error && typeof error === 'object') {
    const status = (error as { status?: unknown }).status;
    if (typeof status === 'number') return status;
    const message = (error as { message?: unknown }).message;
    if (typeof message === 'string') {
      try {
        const body = JSON.parse(message) as { error?: { statusCode?: number } };
        return body.error?.statusCode ?? null;
      } catch {
        // Not a JSON error body: the message is plain text, no status to read.
        return null;
      }
    }
  }
  return null;
}
