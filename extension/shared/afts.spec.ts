import {
  aftsAnd,
  aftsAnyOf,
  aftsDateRange,
  aftsEquals,
  aftsQuote,
  aftsType,
  nodeRef,
} from './afts';

describe('afts query builder', () => {
  it('quotes and escapes values so input cannot change the query', () => {
    expect(aftsQuote('a"b')).toBe('"a\\"b"');
    expect(aftsQuote('a\\')).toBe('"a\\\\"');
    expect(aftsEquals('efr:unit', 'x" OR TYPE:"cm:content')).toBe(
      'efr:unit:"x\\" OR TYPE:\\"cm:content"',
    );
  });

  it('builds TYPE, OR-lists and ranges', () => {
    expect(aftsType('efr:recording')).toBe('TYPE:"efr:recording"');
    expect(aftsAnyOf('f', [])).toBeNull();
    expect(aftsAnyOf('f', ['a'])).toBe('f:"a"');
    expect(aftsAnyOf('f', ['a', 'b'])).toBe('(f:"a" OR f:"b")');
    expect(aftsDateRange('d')).toBeNull();
    expect(aftsDateRange('d', 'x')).toBe('d:["x" TO MAX]');
    expect(aftsDateRange('d', undefined, 'y')).toBe('d:[MIN TO "y"]');
  });

  it('joins non-empty clauses with AND and forms node refs', () => {
    expect(aftsAnd(['a', null, '', undefined, 'b'])).toBe('a AND b');
    expect(nodeRef('123')).toBe('workspace://SpacesStore/123');
  });
});
