import { REQUEST_LIMITS } from '../../../core/src/index.js';
import { badRequest } from '../http/errors.js';

/** A value of an AFTS term. */
export type AftsValue =
  | { kind: 'text'; text: string; quoted: boolean }
  | { kind: 'range'; from: string; to: string; fromInclusive: boolean; toInclusive: boolean };

/** The syntax tree of an AFTS query (the subset the server understands). */
export type AftsNode =
  | { op: 'and' | 'or'; items: AftsNode[] }
  | { op: 'not'; item: AftsNode }
  | { op: 'term'; field: string | null; exact: boolean; value: AftsValue };

const MAX_LENGTH = 8192;
/** Nesting (parentheses and NOT) and terms of one query: core's limits (issue 16). */
const MAX_DEPTH = REQUEST_LIMITS.queryNesting;
const MAX_TERMS = REQUEST_LIMITS.queryTerms;

/**
 * Parses the AFTS subset: `TYPE:"efr:recording"`, `ASPECT:…`, `=efr:prop:value`,
 * `efr:prop:value`, `efr:prop:[a TO b]` (also `<a TO b>`, `MIN`, `MAX`, `*`), `cm:name:x*`,
 * AND / OR / NOT, `-` and `+` prefixes, parentheses, implicit AND between terms, bare words.
 * Anything else is a 400 naming the position.
 */
export function parseAfts(input: string): AftsNode {
  if (input.length > MAX_LENGTH) throw badRequest('Query is too long');
  const p = new Parser(input);
  const node = p.parseOr(0);
  p.skipWs();
  if (!p.done()) p.fail('unexpected input');
  return node;
}

class Parser {
  private i = 0;
  private terms = 0;

  constructor(private readonly s: string) {}

  done(): boolean {
    return this.i >= this.s.length;
  }

  fail(why: string): never {
    throw badRequest(`Invalid query at position ${this.i}: ${why}`);
  }

  skipWs(): void {
    while (!this.done() && /\s/.test(this.s[this.i])) this.i++;
  }

  /** Whether the next token is the keyword `kw` (followed by a boundary). */
  private keyword(kw: string): boolean {
    this.skipWs();
    const next = this.s.slice(this.i, this.i + kw.length);
    const after = this.s[this.i + kw.length];
    if (next === kw && (after === undefined || /[\s(]/.test(after))) {
      this.i += kw.length;
      return true;
    }
    if (kw === 'AND' && this.s.startsWith('&&', this.i)) {
      this.i += 2;
      return true;
    }
    if (kw === 'OR' && this.s.startsWith('||', this.i)) {
      this.i += 2;
      return true;
    }
    return false;
  }

  parseOr(depth: number): AftsNode {
    if (depth > MAX_DEPTH) this.fail('nested too deeply');
    const items = [this.parseAnd(depth)];
    while (this.keyword('OR')) items.push(this.parseAnd(depth));
    return items.length === 1 ? items[0] : { op: 'or', items };
  }

  private parseAnd(depth: number): AftsNode {
    const items = [this.parseNot(depth)];
    for (;;) {
      if (this.keyword('AND')) {
        items.push(this.parseNot(depth));
        continue;
      }
      this.skipWs();
      if (this.done() || this.s[this.i] === ')' || this.peekKeyword('OR')) break;
      items.push(this.parseNot(depth)); // implicit AND
    }
    return items.length === 1 ? items[0] : { op: 'and', items };
  }

  private peekKeyword(kw: string): boolean {
    const save = this.i;
    const hit = this.keyword(kw);
    this.i = save;
    return hit;
  }

  private parseNot(depth: number): AftsNode {
    this.skipWs();
    // Every NOT nests one level (the SQL compiler recurses on it): it counts toward the depth.
    if (depth > MAX_DEPTH) this.fail('nested too deeply');
    if (this.keyword('NOT')) return { op: 'not', item: this.parseNot(depth + 1) };
    const c = this.s[this.i];
    if (c === '-' || c === '!') {
      this.i++;
      return { op: 'not', item: this.parseNot(depth + 1) };
    }
    if (c === '+') this.i++;
    return this.parsePrimary(depth);
  }

  private parsePrimary(depth: number): AftsNode {
    this.skipWs();
    if (this.done()) this.fail('a term was expected');
    if (++this.terms > MAX_TERMS) this.fail(`more than ${MAX_TERMS} terms`);
    if (this.s[this.i] === '(') {
      this.i++;
      const inner = this.parseOr(depth + 1);
      this.skipWs();
      if (this.s[this.i] !== ')') this.fail('missing )');
      this.i++;
      return inner;
    }
    let exact = false;
    if (this.s[this.i] === '=') {
      exact = true;
      this.i++;
    }
    if (this.s[this.i] === '@') this.i++;
    // A field is a special word (`TYPE:`) or a property QName (`prefix:local:`).
    const rest = this.s.slice(this.i);
    const special =
      /^(TYPE|EXACTTYPE|ASPECT|EXACTASPECT|ID|PARENT|TEXT|ISNULL|ISNOTNULL|ISUNSET):(?=\S)/.exec(
        rest,
      );
    const prop = /^([A-Za-z][\w-]*:[A-Za-z_][\w.-]*):(?=\S)/.exec(rest);
    let field: string | null = null;
    const hit = special ?? prop;
    if (hit) {
      field = hit[1];
      this.i += hit[1].length + 1;
    }
    return { op: 'term', field, exact, value: this.parseValue() };
  }

  private parseValue(): AftsValue {
    const c = this.s[this.i];
    if (c === '"' || c === "'") return { kind: 'text', text: this.quoted(c), quoted: true };
    if (c === '[' || c === '<' || c === '{') {
      this.i++;
      this.skipWs();
      const from = this.rangeEnd();
      this.skipWs();
      if (!this.s.startsWith('TO', this.i)) this.fail('TO expected in a range');
      this.i += 2;
      this.skipWs();
      const to = this.rangeEnd();
      this.skipWs();
      const close = this.s[this.i];
      if (close !== ']' && close !== '>' && close !== '}') this.fail('range not closed');
      this.i++;
      return { kind: 'range', from, to, fromInclusive: c === '[', toInclusive: close === ']' };
    }
    const start = this.i;
    while (!this.done() && !/[\s()]/.test(this.s[this.i])) this.i++;
    if (this.i === start) this.fail('a value was expected');
    return { kind: 'text', text: this.s.slice(start, this.i), quoted: false };
  }

  private rangeEnd(): string {
    const c = this.s[this.i];
    if (c === '"' || c === "'") return this.quoted(c);
    const start = this.i;
    while (!this.done() && !/[\s\]>}]/.test(this.s[this.i])) this.i++;
    if (this.i === start) this.fail('a range bound was expected');
    return this.s.slice(start, this.i);
  }

  private quoted(q: string): string {
    this.i++;
    let out = '';
    while (!this.done() && this.s[this.i] !== q) {
      if (this.s[this.i] === '\\' && this.i + 1 < this.s.length) this.i++;
      out += this.s[this.i++];
    }
    if (this.done()) this.fail('unterminated string');
    this.i++;
    return out;
  }
}
