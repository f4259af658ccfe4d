import { badRequest } from '../http/errors.js';
import type { ModelRegistry } from '../model/model-registry.js';
import { parseIsoDate } from '../model/property-values.js';
import { evalDateMath } from './afts-dates.js';
import type { AftsNode, AftsValue } from './afts-parser.js';
import { wordParts } from './text-tokens.js';

/** A SQL condition over `nodes` (aliased n) with its parameters. */
export interface SqlCondition {
  sql: string;
  params: unknown[];
  /** For a property term: its condition on one node_props row (`p.`), to drive a query. */
  prop?: { qname: string; cond: string; params: unknown[]; multiple: boolean };
  /**
   * Set by `searchFrom` on the term a search is driven from: its join already holds only
   * node_props rows meeting the term, so `sql` becomes `1` (and `params` empty) instead of
   * probing the same row again per candidate (half the cost of a two-term search).
   */
  implied?: boolean;
  /**
   * Set by `searchFrom` on a property term whose rows are few against the rows the search
   * reads: `sql` tests `n.id IN (…)` over the term's (qname, value) index, a set built once
   * per query, instead of probing node_props once per candidate (2–3× faster at 100 000).
   */
  asSet?: boolean;
  /** For `NOT x`: the condition of x (so `searchFrom` can choose its form). */
  negated?: SqlCondition;
  /** For a TYPE or EXACTTYPE term: the types it allows. */
  types?: string[];
  /**
   * Set by `searchFrom` on a top-level TYPE term of a driven query: the driving index row
   * carries the node's type (`d.node_type`), so the term needs no column of `nodes`.
   */
  onDriver?: boolean;
}

const NUMERIC = new Set(['d:int', 'd:long', 'd:double', 'd:float']);
const DATES = new Set(['d:date', 'd:datetime']);
/** Fields stored as columns of `nodes` rather than in node_props. */
const COLUMN_FIELDS: Record<string, { col: string; kind: 'text' | 'date' | 'num' }> = {
  'cm:name': { col: 'n.name', kind: 'text' },
  'cm:created': { col: 'n.created_at', kind: 'date' },
  'cm:modified': { col: 'n.modified_at', kind: 'date' },
  'cm:creator': { col: 'n.created_by', kind: 'text' },
  'cm:modifier': { col: 'n.modified_by', kind: 'text' },
  'cm:content.size': { col: 'n.content_size', kind: 'num' },
  'cm:content.mimetype': { col: 'n.content_mime', kind: 'text' },
};

function nodeId(v: string): string {
  return v.replace(/^workspace:\/\/SpacesStore\//, '');
}

/** `a*b?` → SQL LIKE pattern (escaped with `\`). */
function likePattern(text: string, contains: boolean): string {
  const esc = text
    .replace(/[\\%_]/g, (c) => `\\${c}`)
    .replace(/\*/g, '%')
    .replace(/\?/g, '_');
  return contains && !/[*?]/.test(text) ? `%${esc}%` : esc;
}

function dateBound(v: string, end: boolean): number | null {
  if (v === '*' || v === 'MIN' || v === 'MAX') return null;
  if (v === 'NOW' || v === 'TODAY') return Date.now();
  // Date maths (`NOW/DAY-30DAYS`, `2026-01-01+1MONTH`): an instant, never widened to a day.
  if (/^(NOW|TODAY|\d{4}-\d{2}-\d{2}\S*)[/+-]/.test(v) && !/^\d{4}-\d{2}-\d{2}(T\S*)?$/.test(v)) {
    const math = evalDateMath(v);
    if (math !== undefined) return math;
  }
  const ms = parseIsoDate(v);
  if (ms === undefined) throw badRequest(`Invalid date in range: ${v}`);
  // A date without time covers the whole day at the upper end.
  return end && /^\d{4}-\d{2}-\d{2}$/.test(v) ? ms + 86_399_999 : ms;
}

function numBound(v: string): number | null {
  if (v === '*' || v === 'MIN' || v === 'MAX') return null;
  const n = Number(v);
  if (!Number.isFinite(n)) throw badRequest(`Invalid number in range: ${v}`);
  return n;
}

const compiledNodes = new WeakMap<ModelRegistry, WeakMap<AftsNode, SqlCondition>>();

/**
 * Compiles a parsed AFTS query to a SQL condition over `nodes n`. A node compiles to the same
 * object each time, and `sql`/`params` of AND/OR/NOT are read when used: a top-level term
 * compiled on its own (for `searchFrom`) is the very term inside the whole query's condition,
 * so marking it `implied` drops its re-check from the query.
 */
export function compileAfts(model: ModelRegistry, node: AftsNode): SqlCondition {
  let cache = compiledNodes.get(model);
  if (!cache) compiledNodes.set(model, (cache = new WeakMap()));
  let out = cache.get(node);
  if (!out) cache.set(node, (out = compileNode(model, node)));
  return out;
}

function compileNode(model: ModelRegistry, node: AftsNode): SqlCondition {
  switch (node.op) {
    case 'and':
    case 'or': {
      const parts = node.items.map((x) => compileAfts(model, x));
      return {
        get sql() {
          return `(${parts.map((p) => p.sql).join(node.op === 'and' ? ' AND ' : ' OR ')})`;
        },
        get params() {
          return parts.flatMap((p) => p.params);
        },
      };
    }
    case 'not': {
      const inner = compileAfts(model, node.item);
      return {
        get sql() {
          return `(NOT ${inner.sql})`;
        },
        get params() {
          return inner.params;
        },
        negated: inner,
      };
    }
    case 'term':
      return compileTerm(model, node.field, node.exact, node.value);
  }
}

function text(v: AftsValue): string {
  if (v.kind !== 'text') throw badRequest('A range is not allowed here');
  return v.text;
}

function compileTerm(
  model: ModelRegistry,
  field: string | null,
  exact: boolean,
  v: AftsValue,
): SqlCondition {
  if (field === null || field === 'TEXT') {
    const pat = likePattern(text(v), true);
    return {
      sql: `(n.name LIKE ? ESCAPE '\\' OR n.id IN (SELECT p.node_id FROM node_props p
      WHERE p.qname IN ('cm:title','cm:description') AND p.v_text LIKE ? ESCAPE '\\'))`,
      params: [pat, pat],
    };
  }
  switch (field) {
    case 'TYPE':
    case 'EXACTTYPE': {
      // An unprefixed name is in the default namespace, cm (ADF's Recent Files: TYPE:"content").
      const raw = text(v);
      const t = raw.includes(':') || raw.startsWith('{') ? raw : `cm:${raw}`;
      const types = field === 'TYPE' ? model.subTypesOf(t) : [t];
      if (types.length === 0) types.push(t);
      const list = types.map(() => '?').join(',');
      const out: SqlCondition = {
        get sql() {
          return `${out.onDriver ? 'd.node_type' : 'n.type'} IN (${list})`;
        },
        params: types,
        types,
      };
      return out;
    }
    case 'ASPECT':
    case 'EXACTASPECT': {
      const a = text(v);
      const aspects = field === 'ASPECT' ? model.subTypesOf(a) : [a];
      if (aspects.length === 0) aspects.push(a);
      return {
        sql: `n.id IN (SELECT a.node_id FROM aspects a WHERE a.aspect IN
        (${aspects.map(() => '?').join(',')}))`,
        params: aspects,
      };
    }
    case 'ID':
      return { sql: 'n.id = ?', params: [nodeId(text(v))] };
    case 'PARENT':
      return {
        sql: `(n.parent_id = ? OR EXISTS (SELECT 1 FROM child_assocs c WHERE c.child_id = n.id
        AND c.parent_id = ?))`,
        params: [nodeId(text(v)), nodeId(text(v))],
      };
    case 'ISNULL':
    case 'ISUNSET':
      return {
        sql: 'n.id NOT IN (SELECT p.node_id FROM node_props p WHERE p.qname = ?)',
        params: [text(v)],
      };
    case 'ISNOTNULL':
      return {
        sql: 'n.id IN (SELECT p.node_id FROM node_props p WHERE p.qname = ?)',
        params: [text(v)],
      };
    default:
      return compileProperty(model, field, exact, v);
  }
}

function compileProperty(
  model: ModelRegistry,
  field: string,
  exact: boolean,
  v: AftsValue,
): SqlCondition {
  const col = COLUMN_FIELDS[field];
  const def = col ? undefined : model.property(field)?.prop;
  if (!col && !def) throw badRequest(`Unknown property in query: ${field}`);
  const kind: 'text' | 'date' | 'num' | 'bool' = col
    ? col.kind
    : DATES.has(def?.type ?? '')
      ? 'date'
      : NUMERIC.has(def?.type ?? '')
        ? 'num'
        : def?.type === 'd:boolean'
          ? 'bool'
          : 'text';
  const numExpr = col ? col.col : 'p.v_num';
  const textExpr = col ? col.col : 'p.v_text';
  const wrap = (cond: string, params: unknown[]): SqlCondition =>
    col
      ? { sql: `(${cond})`, params }
      : // Correlated, but forced onto the (node_id, qname) index: left to itself SQLite may scan
        // the (qname, value) index once per candidate node (quadratic on 100 000 recordings).
        propertyCondition(
          `EXISTS (SELECT 1 FROM node_props p INDEXED BY node_props_node_qname WHERE
        p.node_id = n.id AND p.qname = ? AND ${cond})`,
          [field, ...params],
          { qname: field, cond, params, multiple: def?.multiple === true },
        );
  if (v.kind === 'range') {
    const conds: string[] = [];
    const params: unknown[] = [];
    if (kind === 'text') {
      if (v.from !== '*' && v.from !== 'MIN') {
        conds.push(`${textExpr} ${v.fromInclusive ? '>=' : '>'} ?`);
        params.push(v.from);
      }
      if (v.to !== '*' && v.to !== 'MAX') {
        conds.push(`${textExpr} ${v.toInclusive ? '<=' : '<'} ?`);
        params.push(v.to);
      }
    } else {
      const lo = kind === 'date' ? dateBound(v.from, false) : numBound(v.from);
      const hi = kind === 'date' ? dateBound(v.to, true) : numBound(v.to);
      if (lo !== null) {
        conds.push(`${numExpr} ${v.fromInclusive ? '>=' : '>'} ?`);
        params.push(lo);
      }
      if (hi !== null) {
        conds.push(`${numExpr} ${v.toInclusive ? '<=' : '<'} ?`);
        params.push(hi);
      }
    }
    return wrap(conds.length ? conds.join(' AND ') : '1', params);
  }
  const t = v.text;
  if (kind === 'num') {
    const n = Number(t);
    if (!Number.isFinite(n)) throw badRequest(`${field} expects a number: ${t}`);
    return wrap(`${numExpr} = ?`, [n]);
  }
  if (kind === 'bool') {
    if (t !== 'true' && t !== 'false') throw badRequest(`${field} expects true or false: ${t}`);
    return wrap(`${textExpr} = ?`, [t]);
  }
  if (kind === 'date') {
    const lo = dateBound(t, false);
    const hi = dateBound(t, true);
    return wrap(`${numExpr} >= ? AND ${numExpr} <= ?`, [
      lo,
      /^\d{4}-\d{2}-\d{2}$/.test(t) ? hi : lo,
    ]);
  }
  if (exact) return wrap(`${textExpr} = ?`, [t]);
  // Tokenised match as ACS's index (text-tokens.ts), after a LIKE on the term's longest literal
  // piece: the SQL function only runs on the rows that can match.
  // A wildcard matching the whole value (`*.mp4`, `EFR*`) needs no function call at all.
  if (/[*?]/.test(t)) {
    return wrap(`(${textExpr} LIKE ? ESCAPE '\\' OR (${textExpr} LIKE ? ESCAPE '\\' AND
      afts_text_match(${textExpr}, ?) = 1))`, [likePattern(t, false),
      likePattern(`*${longestPiece(t)}*`, false), t]);
  }
  return wrap(`(${textExpr} LIKE ? ESCAPE '\\' AND afts_text_match(${textExpr}, ?) = 1)`, [
    likePattern(`*${longestPiece(t)}*`, false),
    t,
  ]);
}

/** The longest piece of a term every matching value contains (for the LIKE pre-filter). */
function longestPiece(term: string): string {
  const pieces = /[*?]/.test(term) ? term.split(/[*?]+/) : wordParts(term);
  return pieces.reduce((a, b) => (b.length > a.length ? b : a), '');
}

/** A property term's condition: `1` once `searchFrom` drives the query from it (`implied`). */
function propertyCondition(
  sql: string,
  params: unknown[],
  prop: NonNullable<SqlCondition['prop']>,
): SqlCondition {
  const index = /\bp\.v_num\b/.test(prop.cond) ? 'node_props_num_node' : 'node_props_text_node';
  const setSql = `n.id IN (SELECT p.node_id FROM node_props p INDEXED BY ${index} WHERE
        p.qname = ? AND ${prop.cond})`;
  const out: SqlCondition = {
    get sql() {
      return out.implied ? '1' : out.asSet ? setSql : sql;
    },
    get params() {
      return out.implied ? [] : params;
    },
    prop,
  };
  return out;
}
