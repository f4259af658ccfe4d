import type { ClassDef, ConstraintDef, PropertyDef } from './model-types.js';

/** The parts of content-model's reader output that server/ reads (see its model-types.ts). */
interface ReaderConstraint {
  type: string;
  name?: string;
  parameters: Readonly<Record<string, string | string[]>>;
}
interface ReaderProperty {
  name: string;
  type: string;
  mandatory: boolean;
  mandatoryEnforced: boolean;
  multiple: boolean;
  defaultValue?: string;
  constraints: ReaderConstraint[];
}
interface ReaderClass {
  name: string;
  isAspect: boolean;
  title?: string;
  parent?: string;
  properties: ReaderProperty[];
  mandatoryAspects: string[];
  associations: ClassDef['associations'];
  overrides: {
    name: string;
    mandatory?: boolean;
    mandatoryEnforced?: boolean;
    defaultValue?: string;
    constraints: ReaderConstraint[];
  }[];
}
interface ReaderModel {
  constraints: ReaderConstraint[];
  types: ReaderClass[];
  aspects: ReaderClass[];
}

/** Resolves a `REF` constraint against the named constraints known so far. */
function constraint(c: ReaderConstraint, named: Map<string, ReaderConstraint>): ConstraintDef {
  const target = c.type === 'REF' && c.name ? named.get(c.name) : undefined;
  const src = target ?? c;
  return { type: src.type, name: c.name ?? src.name, parameters: { ...src.parameters } };
}

/**
 * Mandatory as Alfresco enforces it: only `<mandatory enforced="true">` refuses a commit; a
 * non-enforced mandatory property merely marks the node incomplete (sys:incomplete).
 */
function property(p: ReaderProperty, named: Map<string, ReaderConstraint>): PropertyDef {
  return {
    name: p.name,
    type: p.type,
    mandatory: p.mandatory && p.mandatoryEnforced,
    multiple: p.multiple,
    defaultValue: p.defaultValue,
    constraints: p.constraints.map((c) => constraint(c, named)),
  };
}

/**
 * Reads one model file with content-model's reader module and adapts its classes to server's
 * ClassDef (enforced mandatory flags, resolved constraint references, overrides).
 */
export function adaptModels(
  reader: Record<string, unknown>,
  path: string,
  named: Map<string, ReaderConstraint> = new Map(),
): ClassDef[] {
  const read = reader.readModelFile as ((file: string) => ReaderModel) | undefined;
  if (typeof read !== 'function') throw new Error('content-model reader has no readModelFile');
  const model = read(path);
  for (const c of model.constraints) if (c.name) named.set(c.name, c);
  return [...model.types, ...model.aspects].map((c) => ({
    name: c.name,
    parent: c.parent,
    isAspect: c.isAspect,
    title: c.title,
    properties: c.properties.map((p) => property(p, named)),
    mandatoryAspects: [...c.mandatoryAspects],
    associations: c.associations,
    overrides: c.overrides.map((o) => ({
      name: o.name,
      mandatory:
        o.mandatory === undefined ? undefined : o.mandatory && o.mandatoryEnforced === true,
      defaultValue: o.defaultValue,
      constraints: o.constraints.map((x) => constraint(x, named)),
    })),
  }));
}
