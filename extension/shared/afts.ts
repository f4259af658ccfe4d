/**
 * Builds Alfresco Full Text Search (AFTS) clauses from user input. Values are always quoted and
 * escaped, so nothing typed in a filter can change the shape of the query.
 */

/** Escapes a value for use inside an AFTS double-quoted term. */
export function aftsQuote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** `field:"value"` for a property QName such as `efr:unit`. */
export function aftsEquals(field: string, value: string): string {
  return `${field}:${aftsQuote(value)}`;
}

/** `TYPE:"qname"`. */
export function aftsType(qname: string): string {
  return `TYPE:${aftsQuote(qname)}`;
}

/** `(field:"a" OR field:"b")`; `null` when there are no values, so callers can drop it. */
export function aftsAnyOf(field: string, values: readonly string[]): string | null {
  if (values.length === 0) return null;
  if (values.length === 1) return aftsEquals(field, values[0]);
  return `(${values.map((v) => aftsEquals(field, v)).join(' OR ')})`;
}

/**
 * A date range on `field`; open ends become MIN/MAX. `null` when both ends are empty.
 * Dates are ISO 8601 strings (the search API's date format).
 */
export function aftsDateRange(field: string, from?: string, to?: string): string | null {
  if (!from && !to) return null;
  const lower = from ? aftsQuote(from) : 'MIN';
  const upper = to ? aftsQuote(to) : 'MAX';
  return `${field}:[${lower} TO ${upper}]`;
}

/** Joins clauses with AND, skipping empty ones. */
export function aftsAnd(clauses: ReadonlyArray<string | null | undefined>): string {
  return clauses.filter((c): c is string => !!c).join(' AND ');
}

/** The nodeRef AFTS uses for an `ID:` clause. */
export function nodeRef(nodeId: string): string {
  return `workspace://SpacesStore/${nodeId}`;
}
