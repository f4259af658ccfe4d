// Conversions of the values ACS hands a script behaviour. Rhino runs them for real in
// test/rhino/*.spec.ts; here the same functions meet Java-shaped stand-ins in Node, including
// the shapes the harness cannot produce (Rhino NativeArray-likes, nulls inside lists).
import { EFR_NAMESPACE_URI } from '../../../content-model/src/qnames.js';
import {
  javaClassName, plainBoolean, plainNumber, plainStrings, qnameMapToProps, samePlain, toPlain,
} from './java-values.js';
import { fullName, propOf } from './model-names.js';

/** A Java object stand-in: getClass() plus the members of its class. */
function javaObject(className: string, members: Record<string, unknown>): unknown {
  return { getClass: () => ({ getName: () => className }), ...members };
}

const javaString = (s: string): unknown =>
  javaObject('java.lang.String', { toString: () => s });
const javaDate = (iso: string): unknown =>
  javaObject('java.util.Date', { getTime: () => Date.parse(iso) });
const javaLong = (n: number): unknown =>
  javaObject('java.lang.Long', { doubleValue: () => n, toString: () => String(n) });
const javaBoolean = (b: boolean): unknown =>
  javaObject('java.lang.Boolean', { booleanValue: () => b });

function javaList(items: unknown[]): unknown {
  return javaObject('java.util.ArrayList', {
    size: () => items.length,
    iterator: () => {
      let i = 0;
      return { hasNext: () => i < items.length, next: () => items[i++] };
    },
  });
}

function javaMap(entries: [string, unknown][]): unknown {
  const keys = entries.map(([k, v]) => ({ key: javaObject('org.alfresco.service.namespace.QName',
    { toString: () => k }), value: v }));
  return javaObject('java.util.HashMap', {
    entrySet: () => ({
      iterator: () => {
        let i = 0;
        return {
          hasNext: () => i < keys.length,
          next: () => {
            const e = keys[i++];
            return { getKey: () => e.key, getValue: () => e.value };
          },
        };
      },
    }),
  });
}

/** toPlain typed loosely: jasmine's matcher types recurse forever on PlainValue. */
const plain = (v: unknown): unknown => toPlain(v);

describe('behaviors java-values (ACS values → plain data for core)', () => {
  it('R26.1: converts Java strings, dates, longs, booleans and lists', () => {
    expect(plain(javaString('丹东'))).toBe('丹东');
    expect(plain(javaDate('2026-03-01T01:00:00Z'))).toBe('2026-03-01T01:00:00.000Z');
    expect(plain(javaLong(1048576))).toBe(1048576);
    expect(plain(javaBoolean(false))).toBe(false);
    expect(plain(javaList([javaString('a'), null, javaLong(2)]))).toEqual(['a', null, 2]);
    expect(javaClassName(javaString('x'))).toBe('java.lang.String');
    expect(javaClassName('x')).toBeNull();
  });

  it('converts JavaScript values and array-likes as ValueConverter leaves them', () => {
    expect(plain(undefined)).toBeNull();
    expect(plain(new Date(Date.UTC(2030, 2, 1)))).toBe('2030-03-01T00:00:00.000Z');
    expect(plain({ length: 2, 0: 'x', 1: 3 })).toEqual(['x', 3]);
    expect(plain(['a', ['b']])).toEqual(['a', ['b']]);
  });

  it('keys a QName map by {uri}local and reads it back by prefix:local', () => {
    const sha = fullName('efr:sha256');
    expect(sha).toBe(`{${EFR_NAMESPACE_URI}}sha256`);
    const props = qnameMapToProps(javaMap([[sha, javaString('ab')],
      [fullName('efr:sizeBytes'), javaLong(7)]]));
    expect(props as unknown).toEqual({ [sha]: 'ab', [fullName('efr:sizeBytes')]: 7 });
    expect(propOf(props, 'efr:sha256') as unknown).toBe('ab');
    expect(propOf(props, 'efr:location') as unknown).toBeNull();
    expect(qnameMapToProps(null) as unknown).toEqual({});
  });

  it('compares and narrows plain values', () => {
    expect(samePlain(['a', 'b'], ['a', 'b'])).toBeTrue();
    expect(samePlain(['a'], ['a', 'b'])).toBeFalse();
    expect(samePlain(undefined, null)).toBeTrue();
    expect(plainStrings('x')).toEqual(['x']);
    expect(plainStrings(['x', '', null])).toEqual(['x']);
    expect(plainNumber('12')).toBe(12);
    expect(plainNumber('abc')).toBeNull();
    expect(plainBoolean('true')).toBeTrue();
    expect(plainBoolean(null)).toBeNull();
  });

  it('refuses an unknown prefix rather than guessing a namespace', () => {
    expect(() => fullName('xyz:thing')).toThrowError(/Unknown QName prefix/);
    expect(fullName('{urn:x}y')).toBe('{urn:x}y');
  });
});
