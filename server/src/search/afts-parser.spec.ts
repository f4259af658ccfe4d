import { AcsError } from '../http/errors.js';
import { parseAfts } from './afts-parser.js';

describe('AFTS parser (search subset)', () => {
  it('parses TYPE with a quoted QName', () => {
    expect(parseAfts('TYPE:"efr:recording"')).toEqual({
      op: 'term',
      field: 'TYPE',
      exact: false,
      value: { kind: 'text', text: 'efr:recording', quoted: true },
    });
  });

  it('parses exact and tokenised property terms', () => {
    expect(parseAfts('=efr:actType:penalty')).toEqual(
      jasmine.objectContaining({ field: 'efr:actType', exact: true }),
    );
    expect(parseAfts('@efr:location:"丹东 市"')).toEqual(
      jasmine.objectContaining({
        field: 'efr:location',
        value: { kind: 'text', text: '丹东 市', quoted: true },
      }),
    );
  });

  it('parses inclusive and exclusive ranges with open ends', () => {
    expect(parseAfts('efr:recordingStart:[2026-01-01 TO NOW>')).toEqual(
      jasmine.objectContaining({
        value: {
          kind: 'range',
          from: '2026-01-01',
          to: 'NOW',
          fromInclusive: true,
          toInclusive: false,
        },
      }),
    );
    expect(parseAfts('efr:sizeBytes:<MIN TO 100]')).toEqual(
      jasmine.objectContaining({
        value: { kind: 'range', from: 'MIN', to: '100', fromInclusive: false, toInclusive: true },
      }),
    );
  });

  it('parses AND / OR / NOT with precedence, parentheses, implicit AND and - prefix', () => {
    const q = parseAfts(
      'TYPE:"efr:case" AND (efr:actType:penalty OR efr:actType:inspection) -efr:caseStatus:closed',
    );
    expect(q).toEqual({
      op: 'and',
      items: [
        jasmine.objectContaining({ field: 'TYPE' }),
        {
          op: 'or',
          items: [
            jasmine.objectContaining({ field: 'efr:actType' }),
            jasmine.objectContaining({ field: 'efr:actType' }),
          ],
        },
        { op: 'not', item: jasmine.objectContaining({ field: 'efr:caseStatus' }) },
      ],
    });
    expect(parseAfts('NOT ASPECT:"efr:legalHold"')).toEqual({
      op: 'not',
      item: jasmine.objectContaining({ field: 'ASPECT' }),
    });
  });

  it('parses cm:name wildcards and bare words', () => {
    expect(parseAfts('cm:name:2026*')).toEqual(
      jasmine.objectContaining({
        field: 'cm:name',
        value: { kind: 'text', text: '2026*', quoted: false },
      }),
    );
    expect(parseAfts('养老院')).toEqual(jasmine.objectContaining({ field: null }));
  });

  it('refuses malformed queries with 400', () => {
    for (const bad of ['(TYPE:"x"', 'cm:name:"open', 'efr:x:[1 TO', '()', '', 'x'.repeat(9000)]) {
      let status = 0;
      try {
        parseAfts(bad);
      } catch (err) {
        status = err instanceof AcsError ? err.statusCode : -1;
      }
      expect(status).withContext(bad.slice(0, 20)).toBe(400);
    }
  });
});
