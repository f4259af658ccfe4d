import { baseClasses } from './base-model.js';
import type { ClassDef, ModelSet, PropertyDef } from './model-types.js';

/**
 * Read-only queries over the loaded models: inheritance, the properties a node may carry and
 * the aspects a type brings with it.
 */
export class ModelRegistry {
  private readonly classes: Map<string, ClassDef>;
  private readonly propOwner = new Map<string, { cls: ClassDef; prop: PropertyDef }>();

  constructor(models: ModelSet) {
    this.classes = new Map<string, ClassDef>();
    for (const c of baseClasses()) this.classes.set(c.name, c);
    // Loaded models win over the built-in fallback of the same name.
    for (const [name, c] of models.classes) this.classes.set(name, c);
    for (const c of this.classes.values()) {
      for (const p of c.properties) this.propOwner.set(p.name, { cls: c, prop: p });
    }
  }

  /** The class of this name, or undefined. */
  getClass(name: string): ClassDef | undefined {
    return this.classes.get(name);
  }

  /** Whether `name` is a known type (not an aspect). */
  isType(name: string): boolean {
    const c = this.classes.get(name);
    return c !== undefined && !c.isAspect;
  }

  /** Whether `name` is a known aspect. */
  isAspect(name: string): boolean {
    return this.classes.get(name)?.isAspect === true;
  }

  /** Whether `name` equals `ancestor` or derives from it. */
  isSubClassOf(name: string, ancestor: string): boolean {
    let cur: string | undefined = name;
    for (let guard = 0; cur && guard < 50; guard++) {
      if (cur === ancestor) return true;
      cur = this.classes.get(cur)?.parent;
    }
    return false;
  }

  /** Every known type deriving from `ancestor` (itself included). */
  subTypesOf(ancestor: string): string[] {
    return [...this.classes.values()]
      .filter((c) => this.isSubClassOf(c.name, ancestor))
      .map((c) => c.name);
  }

  /** The class chain from `name` up to the root. */
  chain(name: string): ClassDef[] {
    const out: ClassDef[] = [];
    let cur = this.classes.get(name);
    for (let guard = 0; cur && guard < 50; guard++) {
      out.push(cur);
      cur = cur.parent ? this.classes.get(cur.parent) : undefined;
    }
    return out;
  }

  /** Mandatory aspects of a type or aspect, transitively. */
  mandatoryAspects(name: string): string[] {
    const out = new Set<string>();
    const visit = (n: string): void => {
      for (const c of this.chain(n)) {
        for (const a of c.mandatoryAspects) {
          if (!out.has(a)) {
            out.add(a);
            visit(a);
          }
        }
      }
    };
    visit(name);
    return [...out];
  }

  /** The property definition of this name and the class declaring it. */
  property(name: string): { cls: ClassDef; prop: PropertyDef } | undefined {
    return this.propOwner.get(name);
  }

  /** All property definitions a node of `type` with `aspects` carries (overrides applied). */
  propertiesOf(type: string, aspects: Iterable<string>): PropertyDef[] {
    const out: PropertyDef[] = [];
    const seen = new Set<string>();
    const add = (n: string): void => {
      for (const c of this.chain(n)) {
        if (seen.has(c.name)) continue;
        seen.add(c.name);
        out.push(...c.properties);
      }
    };
    add(type);
    for (const a of aspects) add(a);
    return out.map((p) => this.effective(type, p));
  }

  /** The definition of `name` as it applies to a node of `type` (subtype overrides applied). */
  effectiveProperty(type: string, name: string): PropertyDef | undefined {
    const found = this.propOwner.get(name);
    return found ? this.effective(type, found.prop) : undefined;
  }

  private effective(type: string, p: PropertyDef): PropertyDef {
    // The nearest override in the type's chain wins, as in Alfresco's dictionary.
    for (const c of this.chain(type)) {
      const o = c.overrides?.find((x) => x.name === p.name);
      if (!o) continue;
      return {
        ...p,
        mandatory: o.mandatory ?? p.mandatory,
        defaultValue: o.defaultValue ?? p.defaultValue,
        constraints: [...p.constraints, ...o.constraints],
      };
    }
    return p;
  }

  /** Whether a namespace prefix is known to the loaded models. */
  hasPrefix(prefix: string): boolean {
    for (const n of this.classes.keys()) if (n.startsWith(`${prefix}:`)) return true;
    return false;
  }
}
