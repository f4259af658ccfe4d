import { boolProp, dateProp, errorStatus, listProp, numberProp, textProp } from './node-props';
import { humanBytes } from './format';

describe('node-props', () => {
  const node = {
    properties: {
      t: 'text',
      l: ['a', 'b'],
      n: '42',
      bad: 'x',
      b: 'true',
      d: '2026-03-01T08:00:00.000+0000',
      p: { id: 'legal1', displayName: '李法' },
    },
  };

  it('reads text, lists, numbers, booleans and dates without throwing on odd values', () => {
    expect(textProp(node, 't')).toBe('text');
    expect(textProp(node, 'l')).toBe('a、b');
    expect(textProp(node, 'p')).toBe('李法');
    expect(textProp(node, 'missing')).toBe('');
    expect(textProp(null, 't')).toBe('');
    expect(listProp(node, 't')).toEqual(['text']);
    expect(listProp(node, 'missing')).toEqual([]);
    expect(numberProp(node, 'n')).toBe(42);
    expect(numberProp(node, 'bad')).toBeNull();
    expect(boolProp(node, 'b')).toBeTrue();
    expect(boolProp(node, 't')).toBeFalse();
    expect(dateProp(node, 'd')?.toISOString()).toBe('2026-03-01T08:00:00.000Z');
    expect(dateProp(node, 'bad')).toBeNull();
  });

  it('reads the HTTP status of js-api errors', () => {
    expect(errorStatus({ status: 403 })).toBe(403);
    expect(errorStatus({ message: '{"error":{"statusCode":404}}' })).toBe(404);
    expect(errorStatus({ message: 'offline' })).toBeNull();
    expect(errorStatus('x')).toBeNull();
  });

  it('formats sizes in binary units', () => {
    expect(humanBytes(512)).toBe('512 B');
    expect(humanBytes(1536)).toBe('1.50 KiB');
    expect(humanBytes(734003200)).toBe('700.0 MiB');
    expect(humanBytes(null)).toBe('');
  });
});
