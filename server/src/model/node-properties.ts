import { badRequest, unprocessable } from '../http/errors.js';
import type { ModelRegistry } from './model-registry.js';
import { isPrefixedQName } from './names.js';
import { coerceValue, type PropValue } from './property-values.js';

/** Properties the API never lets a client set: the repository maintains them. */
const SYSTEM_PROPS = new Set([
  'cm:name',
  'cm:created',
  'cm:creator',
  'cm:modified',
  'cm:modifier',
  'cm:accessed',
  'cm:content',
  'sys:node-uuid',
  'sys:node-dbid',
  'sys:store-protocol',
  'sys:store-identifier',
  'cm:lockOwner',
  'cm:lockType',
  'cm:lockLifetime',
  'cm:expiryDate',
]);

/** Stored properties of a node (without cm:name and the auditable ones). */
export type PropMap = Record<string, PropValue>;

/** The result of applying a client's property changes. */
export interface PropertyChange {
  props: PropMap;
  aspects: string[];
}

/**
 * Applies client `changes` (JSON or form fields) to `current` for a node of `type` with
 * `aspects`: unknown names → 400, wrong types → 400, constraint violations → 422, properties
 * of an aspect not yet applied add the aspect (as ACS does), null removes a value.
 */
export function applyPropertyChanges(
  model: ModelRegistry,
  type: string,
  aspects: string[],
  current: PropMap,
  changes: Record<string, unknown>,
  fromText: boolean,
): PropertyChange {
  const props: PropMap = { ...current };
  const aspectSet = new Set(aspects);
  for (const [name, raw] of Object.entries(changes)) {
    if (!isPrefixedQName(name)) throw badRequest(`Invalid property name: ${name}`);
    if (SYSTEM_PROPS.has(name)) {
      if (name === 'cm:name') continue; // handled by the caller as the node name
      throw badRequest(`Property ${name} is maintained by the repository`);
    }
    const found = model.property(name);
    if (!found) throw badRequest(`Unknown property: ${name}`);
    const { cls } = found;
    const prop = model.effectiveProperty(type, name) ?? found.prop;
    if (cls.isAspect) {
      if (!aspectSet.has(cls.name)) aspectSet.add(cls.name);
    } else if (!model.isSubClassOf(type, cls.name)) {
      throw badRequest(`Property ${name} does not belong to type ${type}`);
    }
    const v = coerceValue(prop, raw, { fromText });
    if (v === null || (Array.isArray(v) && v.length === 0)) delete props[name];
    else props[name] = v;
  }
  for (const a of [...aspectSet]) for (const m of model.mandatoryAspects(a)) aspectSet.add(m);
  return { props, aspects: [...aspectSet] };
}

/** Applies declared defaults for properties not yet set (on create). */
export function applyDefaults(
  model: ModelRegistry,
  type: string,
  aspects: string[],
  props: PropMap,
): void {
  for (const def of model.propertiesOf(type, aspects)) {
    if (def.defaultValue === undefined || props[def.name] !== undefined) continue;
    if (SYSTEM_PROPS.has(def.name)) continue;
    props[def.name] = coerceValue(def, def.defaultValue, { fromText: true });
  }
}

/** Refuses (422) a node lacking a mandatory property of its type or aspects. */
export function checkMandatory(
  model: ModelRegistry,
  type: string,
  aspects: string[],
  props: PropMap,
): void {
  for (const def of model.propertiesOf(type, aspects)) {
    if (!def.mandatory || SYSTEM_PROPS.has(def.name)) continue;
    const v = props[def.name];
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) {
      throw unprocessable(`Mandatory property ${def.name} is missing`);
    }
  }
}

/** Validates an aspect list from a client: known aspects only (400 otherwise). */
export function checkAspectNames(model: ModelRegistry, names: unknown): string[] {
  if (!Array.isArray(names) || names.some((n) => typeof n !== 'string')) {
    throw badRequest('aspectNames must be an array of strings');
  }
  for (const n of names as string[]) {
    if (!model.isAspect(n)) throw badRequest(`Unknown aspect: ${n}`);
  }
  return names as string[];
}
