// Joins several parsed models (e.g. alfresco-base-model.xml + efr-model.xml) and checks every
// reference between them the way Alfresco's dictionary does when it compiles a model: parents,
// mandatory aspects, association targets and constraint references must exist, a type derives
// from a type and an aspect from an aspect, and inheritance has no cycle.
import { resolve } from 'node:path';
import { readModelFile } from './model-reader.js';
import {
  ModelError,
  type ClassDef,
  type ConstraintDef,
  type ModelDef,
  type ModelSet,
  type PropertyDef,
} from './model-types.js';

/** Resolves a `REF` constraint left by parseModel (a reference into another model). */
function resolveConstraint(c: ConstraintDef, named: Map<string, ConstraintDef>,
  where: string, problems: string[]): ConstraintDef {
  if (c.type !== 'REF') return c;
  const target = c.ref !== undefined ? named.get(c.ref) : undefined;
  if (target === undefined) {
    problems.push(`${where} refers to constraint ${c.ref ?? '?'}, which no model defines`);
    return c;
  }
  return { ...target, ref: c.ref };
}

function resolveClass(cls: ClassDef, named: Map<string, ConstraintDef>,
  problems: string[]): ClassDef {
  const properties: PropertyDef[] = cls.properties.map((p) => ({
    ...p,
    constraints: p.constraints.map((c) => resolveConstraint(c, named, p.name, problems)),
  }));
  return { ...cls, properties };
}

/** The problems with one class's references, given every class known. */
function classProblems(cls: ClassDef, classes: Map<string, ClassDef>): string[] {
  const out: string[] = [];
  const kind = cls.isAspect ? 'aspect' : 'type';
  if (cls.parent !== undefined) {
    const parent = classes.get(cls.parent);
    if (parent === undefined) out.push(`${kind} ${cls.name} has unknown parent ${cls.parent}`);
    else if (parent.isAspect !== cls.isAspect) {
      out.push(`${kind} ${cls.name} has parent ${cls.parent}, which is not a ${kind}`);
    }
  }
  for (const a of cls.mandatoryAspects) {
    const aspect = classes.get(a);
    if (aspect === undefined) out.push(`${cls.name} has unknown mandatory aspect ${a}`);
    else if (!aspect.isAspect) out.push(`${cls.name} has mandatory aspect ${a}, a type`);
  }
  for (const assoc of cls.associations) {
    if (!classes.has(assoc.targetClass)) {
      out.push(`association ${assoc.name} targets unknown class ${assoc.targetClass}`);
    }
  }
  let cur: ClassDef | undefined = cls;
  const seen = new Set<string>();
  while (cur?.parent !== undefined) {
    if (seen.has(cur.name)) {
      out.push(`${kind} ${cls.name} inherits from itself`);
      break;
    }
    seen.add(cur.name);
    cur = classes.get(cur.parent);
  }
  return out;
}

/**
 * Joins models into one set and checks every cross reference. Throws ModelError naming every
 * problem found. Models may come in any order.
 */
export function buildModelSet(models: ModelDef[]): ModelSet {
  const problems: string[] = [];
  const constraints = new Map<string, ConstraintDef>();
  for (const m of models) {
    for (const c of m.constraints) {
      if (c.name === undefined) continue;
      if (constraints.has(c.name)) problems.push(`constraint ${c.name} is defined by two models`);
      constraints.set(c.name, c);
    }
  }
  const classes = new Map<string, ClassDef>();
  const resolved: ModelDef[] = models.map((m) => {
    const types = m.types.map((c) => resolveClass(c, constraints, problems));
    const aspects = m.aspects.map((c) => resolveClass(c, constraints, problems));
    for (const c of [...types, ...aspects]) {
      if (classes.has(c.name)) problems.push(`class ${c.name} is defined by two models`);
      classes.set(c.name, c);
    }
    return { ...m, types, aspects };
  });
  for (const c of classes.values()) problems.push(...classProblems(c, classes));
  if (problems.length > 0) throw new ModelError(models.map((m) => m.name).join(' + '), problems);
  return { models: resolved, classes, constraints };
}

/**
 * The classes from `name` up to its root: the class itself, its parent, and so on. Unknown
 * names give an empty list.
 */
export function classChain(set: ModelSet, name: string): ClassDef[] {
  const out: ClassDef[] = [];
  let cur = set.classes.get(name);
  while (cur !== undefined && !out.includes(cur)) {
    out.push(cur);
    cur = cur.parent !== undefined ? set.classes.get(cur.parent) : undefined;
  }
  return out;
}

/** Whether `name` is `ancestor` or derives from it. */
export function isSubClassOf(set: ModelSet, name: string, ancestor: string): boolean {
  return classChain(set, name).some((c) => c.name === ancestor);
}

/**
 * Every aspect a node of class `name` carries whatever it is given: mandatory aspects of the
 * class and its ancestors, and theirs in turn.
 */
export function mandatoryAspectsOf(set: ModelSet, name: string): string[] {
  const out: string[] = [];
  const visit = (n: string): void => {
    for (const c of classChain(set, n)) {
      for (const a of c.mandatoryAspects) {
        if (!out.includes(a)) {
          out.push(a);
          visit(a);
        }
      }
    }
  };
  visit(name);
  return out;
}

/**
 * Every property a node of class `name` has, from the class, its ancestors and all of its
 * mandatory aspects, by QName.
 */
export function effectiveProperties(set: ModelSet, name: string): Map<string, PropertyDef> {
  const out = new Map<string, PropertyDef>();
  for (const n of [name, ...mandatoryAspectsOf(set, name)]) {
    for (const c of classChain(set, n)) for (const p of c.properties) out.set(p.name, p);
  }
  return out;
}

/** Folder of this package's files (content-model/). */
const MODEL_DIR = resolve(import.meta.dirname, '..');
/** content-model/efr-model.xml */
export const EFR_MODEL_FILE = resolve(MODEL_DIR, 'efr-model.xml');
/** content-model/alfresco-base-model.xml */
export const BASE_MODEL_FILE = resolve(MODEL_DIR, 'alfresco-base-model.xml');
/** content-model/messages, the label bundles (base name `efr-model`). */
export const MESSAGES_DIR = resolve(MODEL_DIR, 'messages');

/** Reads the Alfresco base subset and the EFR model and joins them (what server/ enforces). */
export function loadEfrModelSet(): ModelSet {
  return buildModelSet([readModelFile(BASE_MODEL_FILE), readModelFile(EFR_MODEL_FILE)]);
}
