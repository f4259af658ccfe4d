/**
 * Converts the Java values ACS hands a script behaviour into plain JavaScript data for core.
 *
 * Policy arguments that are Maps stay `java.util.Map<QName, Serializable>`
 * (org.alfresco.repo.jscript.ValueConverter converts NodeRefs, QNames, Dates and Collections,
 * not Maps), so property values arrive as Java objects: `java.lang.String`, `java.util.Date`,
 * `java.lang.Long`, `java.lang.Boolean`, `java.util.ArrayList`, `ContentData`. Depending on the
 * WrapFactory they may also arrive as JavaScript primitives. Everything is detected by duck
 * typing, never by `===` on a Java object, so both forms give the same plain value.
 */

/** A plain value: what core's rules compare. Date-times become ISO 8601 UTC strings. */
export type PlainValue = string | number | boolean | null | PlainValue[];

/** Plain properties keyed by full QName `{uri}local`. */
export type PlainProps = Record<string, PlainValue>;

/** A Java object seen from JavaScript: anything with `getClass()`. */
interface JavaObject {
  getClass(): { getName(): unknown };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function isJavaObject(v: unknown): v is JavaObject {
  return isObject(v) && typeof v['getClass'] === 'function';
}

/** The Java class name of `v`, or null for a JavaScript value. */
export function javaClassName(v: unknown): string | null {
  return isJavaObject(v) ? String(v.getClass().getName()) : null;
}

function isJavaDate(v: Record<string, unknown>): boolean {
  return typeof v['getTime'] === 'function' && typeof v['getClass'] === 'function';
}

function isJavaCollection(v: Record<string, unknown>): boolean {
  return typeof v['iterator'] === 'function' && typeof v['size'] === 'function';
}

interface JavaIterator {
  hasNext(): boolean;
  next(): unknown;
}

function collectionToPlain(v: Record<string, unknown>): PlainValue[] {
  const out: PlainValue[] = [];
  const it = (v['iterator'] as () => JavaIterator).call(v);
  while (it.hasNext()) out.push(toPlain(it.next()));
  return out;
}

/** An ISO 8601 UTC string of epoch milliseconds (Rhino's Date has toISOString since ES5). */
export function isoOfMillis(ms: number): string {
  return new Date(ms).toISOString();
}

/** Converts any value ACS hands a script into a {@link PlainValue}. */
export function toPlain(v: unknown): PlainValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return v;
  // Not `instanceof Date`: a Date made in another Rhino scope has another constructor.
  if (Object.prototype.toString.call(v) === '[object Date]') {
    return isoOfMillis((v as Date).getTime());
  }
  if (Array.isArray(v)) return v.map((x) => toPlain(x));
  if (!isObject(v)) return String(v);
  if (isJavaObject(v)) {
    if (isJavaDate(v)) return isoOfMillis(Number((v['getTime'] as () => unknown).call(v)));
    if (typeof v['booleanValue'] === 'function') {
      return String((v['booleanValue'] as () => unknown).call(v)) === 'true';
    }
    if (typeof v['doubleValue'] === 'function') {
      return Number((v['doubleValue'] as () => unknown).call(v));
    }
    if (isJavaCollection(v)) return collectionToPlain(v);
    // java.lang.String, ContentData, NodeRef, QName: their toString() is the value we compare.
    return String(v);
  }
  // A JavaScript array-like from Rhino (NativeArray from ValueConverter) without isArray.
  if (typeof v['length'] === 'number') {
    const out: PlainValue[] = [];
    for (let i = 0; i < (v['length'] as number); i++) out.push(toPlain(v[i]));
    return out;
  }
  return String(v);
}

interface JavaMapEntry {
  getKey(): unknown;
  getValue(): unknown;
}

/**
 * A value read by index from a NativeMap: the raw Java object, which script code must not
 * touch as it is (`typeof` a raw java.util.Date throws "Invalid JavaScript value of type
 * java.util.Date"; `===` on one logs Rhino's "Missed Context.javaToJS() conversion"). `null ==`
 * with null first and `Object(v)` are the two operations Rhino performs on it without either:
 * Object() wraps it through the wrap factory (NativeJavaObject, or a String/Number/Boolean
 * object for Java strings, numbers and booleans).
 */
export function rawToPlain(v: unknown): PlainValue {
  // null first: ScriptRuntime.eq then never inspects `v`.
  if (null == v) return null;
  const o = Object(v) as unknown;
  if (o instanceof String || o instanceof Number || o instanceof Boolean) {
    return toPlain((o as { valueOf(): unknown }).valueOf());
  }
  return toPlain(o);
}

/**
 * Converts a policy's `Map<QName, Serializable>` to {@link PlainProps} keyed by `{uri}local`.
 * ACS hands every java.util.Map to a script as an org.alfresco.repo.jscript.NativeMap
 * (RhinoScriptProcessor.RhinoWrapFactory#wrapAsJavaObject, 25.5.0.31 l. 707-714): a string
 * lookup `map[key]` asks the QName-keyed map for a String and answers null, and it has no Java
 * methods; its ids are the QName keys (their text is `{uri}local`) and `map[i]` walks
 * `values()` to position i, in the same order as the keys (one HashMap, unmodified). So the
 * i-th key goes with the i-th value, read raw ({@link rawToPlain}). A Java map wrapped by
 * Rhino's own factory (entrySet available) and a plain object are read too. Null gives an
 * empty object (ACS passes an empty before-map when a node is created).
 */
export function qnameMapToProps(map: unknown): PlainProps {
  const out: PlainProps = {};
  if (!isObject(map)) return out;
  if (typeof map['entrySet'] === 'function') {
    const set = (map['entrySet'] as () => { iterator(): JavaIterator }).call(map);
    const it = set.iterator();
    while (it.hasNext()) {
      const entry = it.next() as JavaMapEntry;
      out[String(entry.getKey())] = toPlain(entry.getValue());
    }
    return out;
  }
  const keys = Object.keys(map);
  if (keys.length > 0 && keys[0].charAt(0) === '{') {
    const byIndex = map as unknown as { [i: number]: unknown };
    for (let i = 0; i < keys.length; i++) out[keys[i]] = rawToPlain(byIndex[i]);
    return out;
  }
  for (const key of keys) out[key] = toPlain(map[key]);
  return out;
}

/** Whether two plain values are equal (arrays element by element). */
export function samePlain(a: PlainValue | undefined, b: PlainValue | undefined): boolean {
  const x = a === undefined ? null : a;
  const y = b === undefined ? null : b;
  if (Array.isArray(x) && Array.isArray(y)) {
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!samePlain(x[i], y[i])) return false;
    return true;
  }
  return x === y;
}

/** A plain value as a string, or null when absent or empty. */
export function plainString(v: PlainValue | undefined): string | null {
  if (v === null || v === undefined) return null;
  const s = Array.isArray(v) ? v.join(',') : String(v);
  return s === '' ? null : s;
}

/** A plain value as a list of strings (a single value becomes a one-element list). */
export function plainStrings(v: PlainValue | undefined): string[] {
  if (v === null || v === undefined) return [];
  const list = Array.isArray(v) ? v : [v];
  const out: string[] = [];
  for (const x of list) {
    const s = plainString(x);
    if (s !== null) out.push(s);
  }
  return out;
}

/** A plain value as a number, or null. */
export function plainNumber(v: PlainValue | undefined): number | null {
  if (v === null || v === undefined || Array.isArray(v)) return null;
  const n = Number(v);
  return isNaN(n) ? null : n;
}

/** A plain value as a boolean (`true` or the string `true`), null when absent. */
export function plainBoolean(v: PlainValue | undefined): boolean | null {
  if (v === null || v === undefined) return null;
  return v === true || v === 'true';
}
