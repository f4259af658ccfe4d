import { createHash } from 'node:crypto';
import {
  canonicalEntry, canonicalJson, chainInput, GENESIS_HASH, linkEntry, verifyChain,
} from './index.js';

const sha256hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

type Entry = Record<string, unknown> & { id: string; prevHash: string; hash: string };

function buildChain(n: number): Entry[] {
  const out: Entry[] = [];
  let prev = GENESIS_HASH;
  for (let i = 0; i < n; i++) {
    const e = linkEntry(prev, { id: 'log-' + i, seq: i, at: '2026-03-02T01:0' + i + ':00Z',
      actor: i % 2 ? '张伟' : 'baoguan', action: 'read', target: 'rec-' + i,
      reason: i === 2 ? '诉讼\n"取证"' : null }, sha256hex);
    out.push(e);
    prev = e.hash;
  }
  return out;
}

describe('access log chain (tamper-evident log of DESIGN.md; R26.1, R24.2)', () => {
  describe('canonical JSON', () => {
    it('sorts keys at every level and drops white space and undefined members', () => {
      expect(canonicalJson({ b: 1, a: { d: [1, 'x', null], c: true }, u: undefined }))
        .toBe('{"a":{"c":true,"d":[1,"x",null]},"b":1}');
    });
    it('equals JSON.stringify for ordinary text, Chinese included (raw, not escaped)', () => {
      const value = { z: '丹民罚〔2026〕12号', a: 'line\nbreak "q" \\ \t', n: -1.5e-7, e: 1e21 };
      const sortedKeys = JSON.stringify(value, Object.keys(value).sort());
      expect(canonicalJson(value)).toBe(sortedKeys);
    });
    it('escapes control characters and lone surrogates like ES2019 JSON.stringify', () => {
      const text = '\u0000\u001f\u007f\ud800x\udc00😀';
      expect(canonicalJson(text)).toBe(JSON.stringify(text));
    });
    it('refuses numbers JSON cannot carry and non-JSON values', () => {
      expect(() => canonicalJson({ n: NaN })).toThrowError(RangeError);
      expect(() => canonicalJson({ n: Infinity })).toThrowError(RangeError);
      expect(() => canonicalJson({ f: () => 1 })).toThrowError(TypeError);
    });
    it('the same entry gives the same text whatever the key order', () => {
      expect(canonicalEntry({ id: '1', b: 2, a: 1 })).toBe(canonicalEntry({ a: 1, id: '1', b: 2 }));
    });
    it('leaves the link fields out of the hashed text', () => {
      expect(canonicalEntry({ id: '1', prevHash: 'p', hash: 'h', a: 1 })).toBe('{"a":1,"id":"1"}');
      expect(chainInput(GENESIS_HASH, { id: '1' })).toBe(GENESIS_HASH + '\n{"id":"1"}');
    });
  });

  describe('verifyChain', () => {
    it('an intact chain verifies', () => {
      expect(verifyChain(buildChain(5), sha256hex)).toEqual({ ok: true });
      expect(verifyChain([], sha256hex)).toEqual({ ok: true });
    });
    it('the first entry links to the genesis hash', () => {
      expect(buildChain(1)[0].prevHash).toBe('0'.repeat(64));
    });
    it('names an edited entry', () => {
      const chain = buildChain(5);
      chain[2] = { ...chain[2], actor: 'mallory' };
      expect(verifyChain(chain, sha256hex)).toEqual({ ok: false, index: 2, id: 'log-2',
        reason: 'hash does not match the entry content' });
    });
    it('names the entry after a removed one', () => {
      const chain = buildChain(5);
      chain.splice(1, 1);
      expect(verifyChain(chain, sha256hex)).toEqual({ ok: false, index: 1, id: 'log-2',
        reason: 'prevHash does not match the previous entry' });
    });
    it('names reordered entries', () => {
      const chain = buildChain(4);
      const swapped = [chain[0], chain[2], chain[1], chain[3]];
      expect(verifyChain(swapped, sha256hex)).toEqual(jasmine.objectContaining({ ok: false,
        index: 1, id: 'log-2' }));
    });
    it('names an entry whose hash was recomputed without relinking the next one', () => {
      const chain = buildChain(4);
      const forged = linkEntry(chain[1].prevHash, { ...chain[1], prevHash: undefined,
        hash: undefined, actor: 'mallory' }, sha256hex) as Entry;
      chain[1] = forged;
      expect(verifyChain(chain, sha256hex)).toEqual(jasmine.objectContaining({ ok: false,
        index: 2, id: 'log-2' }));
    });
    it('names a first entry that does not start at genesis', () => {
      const chain = buildChain(3).slice(1);
      expect(verifyChain(chain, sha256hex)).toEqual(jasmine.objectContaining({ ok: false,
        index: 0, id: 'log-1' }));
      expect(verifyChain(chain, sha256hex, buildChain(1)[0].hash)).toEqual({ ok: true });
    });
    it('accepts upper-case stored hashes', () => {
      const chain = buildChain(1);
      chain[0] = { ...chain[0], hash: chain[0].hash.toUpperCase() };
      expect(verifyChain(chain, sha256hex)).toEqual({ ok: true });
    });
  });
});
