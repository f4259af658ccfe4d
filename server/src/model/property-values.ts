import { badRequest, unprocessable } from '../http/errors.js';
import type { ConstraintDef, PropertyDef } from './model-types.js';

/** A stored property value: what ACS returns in `properties`. */
export type PropValue = string | number | boolean | null | string[] | number[] | boolean[];

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Formats an epoch as ACS does: `2026-11-26T10:00:00.000+0000`. */
export function formatAcsDate(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

/** Parses an ISO 8601 date or date-time (offset optional, UTC assumed) to epoch ms. */
export function parseIsoDate(s: string): number | undefined {
  const m = ISO.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, h = '00', mi = '00', se = '00', frac = '0', off] = m;
  const ms = Number(frac.padEnd(3, '0').slice(0, 3));
  let t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(se), ms);
  const check = new Date(t);
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d)) return undefined;
  if (Number(h) > 23 || Number(mi) > 59 || Number(se) > 59) return undefined;
  if (off && off !== 'Z') {
    const sign = off.startsWith('-') ? -1 : 1;
    const digits = off.slice(1).replace(':', '');
    t -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return Number.isFinite(t) ? t : undefined;
}

/** Whether a value came from a form field (multipart), where everything is text. */
export interface CoerceOptions {
  fromText: boolean;
}

/**
 * Converts one JSON (or form) value to the stored form of `def`'s data type, or throws 400
 * naming the property. Constraints are checked separately by checkConstraints.
 */
export function coerceScalar(
  def: PropertyDef,
  v: unknown,
  opts: CoerceOptions,
): string | number | boolean {
  const fail = (): never => {
    throw badRequest(
      `Invalid value for property ${def.name} of type ${def.type}: ${JSON.stringify(v)}`,
    );
  };
  switch (def.type) {
    case 'd:text':
    case 'd:mltext':
      if (typeof v !== 'string') return fail();
      return v;
    case 'd:int':
    case 'd:long': {
      const n =
        typeof v === 'number'
          ? v
          : opts.fromText && typeof v === 'string' && /^-?\d+$/.test(v)
            ? Number(v)
            : NaN;
      if (!Number.isSafeInteger(n)) return fail();
      if (def.type === 'd:int' && (n > 2147483647 || n < -2147483648)) return fail();
      return n;
    }
    case 'd:double':
    case 'd:float': {
      const n =
        typeof v === 'number'
          ? v
          : opts.fromText && typeof v === 'string' && v.trim() !== ''
            ? Number(v)
            : NaN;
      if (!Number.isFinite(n)) return fail();
      return n;
    }
    case 'd:boolean':
      if (typeof v === 'boolean') return v;
      if (opts.fromText && (v === 'true' || v === 'false')) return v === 'true';
      return fail();
    case 'd:date':
    case 'd:datetime': {
      if (typeof v !== 'string') return fail();
      const ms = parseIsoDate(v);
      if (ms === undefined) return fail();
      return formatAcsDate(ms);
    }
    case 'd:noderef':
    case 'd:category': {
      if (typeof v !== 'string') return fail();
      const m = /^(?:workspace:\/\/SpacesStore\/)?([0-9a-zA-Z-]{1,64})$/.exec(v);
      if (!m) return fail();
      return `workspace://SpacesStore/${m[1]}`;
    }
    case 'd:qname':
    case 'd:locale':
    case 'd:any':
      if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return fail();
      return v;
    default:
      throw badRequest(`Property ${def.name} of type ${def.type} cannot be set through the API`);
  }
}

/** Converts a JSON value (single or list) for a property definition; null removes. */
export function coerceValue(def: PropertyDef, v: unknown, opts: CoerceOptions): PropValue {
  if (v === null) return null;
  if (def.multiple) {
    let list: unknown[];
    if (Array.isArray(v)) list = v;
    else if (opts.fromText && typeof v === 'string') list = v === '' ? [] : v.split(',');
    else list = [v];
    const out = list.map((x) => coerceScalar(def, x, opts));
    for (const x of out) checkConstraints(def, x);
    return out as PropValue;
  }
  if (Array.isArray(v)) {
    throw badRequest(`Property ${def.name} is single-valued`);
  }
  const out = coerceScalar(def, v, opts);
  checkConstraints(def, out);
  return out;
}

/** Checks LIST, REGEX, MINMAX and LENGTH constraints on one stored value; 422 otherwise. */
export function checkConstraints(def: PropertyDef, v: string | number | boolean): void {
  for (const c of def.constraints) checkConstraint(def, c, v);
}

function param(c: ConstraintDef, key: string): unknown {
  return c.parameters[key];
}

function checkConstraint(def: PropertyDef, c: ConstraintDef, v: string | number | boolean): void {
  const bad = (why: string): never => {
    throw unprocessable(
      `Value ${JSON.stringify(v)} of ${def.name} violates constraint ${c.name ?? c.type}: ${why}`,
    );
  };
  switch (c.type) {
    case 'LIST': {
      const allowed = (param(c, 'allowedValues') as unknown[] | undefined)?.map(String) ?? [];
      const cs = param(c, 'caseSensitive') !== false && param(c, 'caseSensitive') !== 'false';
      const s = String(v);
      const ok = cs
        ? allowed.includes(s)
        : allowed.some((a) => a.toLowerCase() === s.toLowerCase());
      if (!ok) bad(`not one of ${allowed.join(', ')}`);
      return;
    }
    case 'REGEX': {
      const expr = String(param(c, 'expression') ?? '');
      const requiresMatch =
        param(c, 'requiresMatch') !== false && param(c, 'requiresMatch') !== 'false';
      // Java's String.matches() matches the whole value; anchor the JS regex the same way.
      const matched = new RegExp(`^(?:${expr})$`).test(String(v));
      if (matched !== requiresMatch)
        bad(requiresMatch ? `does not match ${expr}` : `matches ${expr}`);
      return;
    }
    case 'MINMAX': {
      const n = Number(v);
      const min = param(c, 'minValue');
      const max = param(c, 'maxValue');
      if (min !== undefined && n < Number(min)) bad(`below ${String(min)}`);
      if (max !== undefined && n > Number(max)) bad(`above ${String(max)}`);
      return;
    }
    case 'LENGTH': {
      const len = [...String(v)].length;
      const min = param(c, 'minLength');
      const max = param(c, 'maxLength');
      if (min !== undefined && len < Number(min)) bad(`shorter than ${String(min)}`);
      if (max !== undefined && len > Number(max)) bad(`longer than ${String(max)}`);
      return;
    }
    default:
      return; // Other constraint kinds (e.g. registered Java classes) are not enforced here.
  }
}
