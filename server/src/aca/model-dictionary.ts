import {
  associationLabelKey, classLabelKey, constraintLabelKey, loadLabels, propertyLabelKey,
  type LabelBundle,
} from '../../../content-model/src/label-bundle.js';
import {
  classChain, loadEfrModelSet, mandatoryAspectsOf, MESSAGES_DIR,
} from '../../../content-model/src/model-set.js';
import type {
  AssociationDef, ClassDef, ConstraintDef, ModelDef, ModelSet, PropertyDef,
} from '../../../content-model/src/model-types.js';

/** The locales with a bundle of EFR's labels (content-model/messages). */
const BUNDLE_LOCALES = ['zh_CN', 'en'];

/**
 * The data dictionary as ACS's DictionaryService answers it, over the models server/ loads
 * (content-model/alfresco-base-model.xml and efr-model.xml): classes with every inherited
 * property and association (ClassDefinition.getProperties/getAssociations include inherited
 * ones), labels from the model's message bundle in the caller's locale, falling back to the
 * model XML's own title and description as ACS's M2Label does.
 */
export class ModelDictionary {
  private readonly set: ModelSet = loadEfrModelSet();
  private readonly modelOf = new Map<string, ModelDef>();
  private readonly bundles = new Map<string, LabelBundle>();

  constructor() {
    for (const m of this.set.models) {
      for (const c of [...m.types, ...m.aspects]) this.modelOf.set(c.name, m);
    }
  }

  /** Every type or every aspect, by QName order. */
  classes(aspects: boolean): ClassDef[] {
    return [...this.set.classes.values()].filter((c) => c.isAspect === aspects)
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** One class, or undefined. */
  get(name: string): ClassDef | undefined {
    return this.set.classes.get(name);
  }

  /** The model declaring a class. */
  model(cls: ClassDef): ModelDef {
    return this.modelOf.get(cls.name) as ModelDef;
  }

  /** Whether `name` derives from `ancestor` (or is it). */
  isSubClassOf(name: string, ancestor: string): boolean {
    return classChain(this.set, name).some((c) => c.name === ancestor);
  }

  /** The aspects every node of a class carries (inherited and transitive, as getDefaultAspects). */
  mandatoryAspects(cls: ClassDef): string[] {
    return mandatoryAspectsOf(this.set, cls.name);
  }

  /** Properties of a class and its ancestors (nearest declaration wins). */
  properties(cls: ClassDef): PropertyDef[] {
    const out = new Map<string, PropertyDef>();
    for (const c of classChain(this.set, cls.name).reverse()) {
      for (const p of c.properties) out.set(p.name, p);
    }
    return [...out.values()];
  }

  /** Associations of a class and its ancestors. */
  associations(cls: ClassDef): AssociationDef[] {
    const out = new Map<string, AssociationDef>();
    for (const c of classChain(this.set, cls.name).reverse()) {
      for (const a of c.associations) out.set(a.name, a);
    }
    return [...out.values()];
  }

  /** Whether nodes of a class hold children (it or an ancestor declares a child association). */
  isContainer(cls: ClassDef): boolean {
    return this.associations(cls).some((a) => a.isChild);
  }

  /** The namespace URI of a QName's prefix. */
  namespaceUri(qname: string): string {
    const prefix = qname.split(':')[0];
    for (const m of this.set.models) {
      const ns = m.namespaces.find((n) => n.prefix === prefix);
      if (ns) return ns.uri;
    }
    return '';
  }

  /** A label lookup for one request locale (`zh-CN`, `en-US,en;q=0.9`, …). */
  labels(acceptLanguage: string | undefined): Labels {
    const first = (acceptLanguage ?? '').split(',')[0].trim().split(';')[0];
    const parts = first.split(/[-_]/);
    const locale = parts[0]?.toLowerCase() === 'zh' ? 'zh_CN' : 'en';
    let bundle = this.bundles.get(locale);
    if (!bundle) {
      bundle = loadLabels(MESSAGES_DIR, 'efr-model',
        BUNDLE_LOCALES.includes(locale) ? locale : undefined);
      this.bundles.set(locale, bundle);
    }
    return new Labels(this, bundle);
  }
}

/** Titles and descriptions in one locale. */
export class Labels {
  constructor(private readonly dict: ModelDictionary, private readonly bundle: LabelBundle) {}

  /** A class's title or description. */
  ofClass(cls: ClassDef, field: 'title' | 'description'): string {
    const m = this.dict.model(cls).name;
    return this.bundle[classLabelKey(m, cls, field)] ?? cls[field] ?? '';
  }

  /** A property's title or description (keys are under the declaring class's model). */
  ofProperty(p: PropertyDef, field: 'title' | 'description'): string {
    const owner = this.dict.get(p.owner);
    const m = owner ? this.dict.model(owner).name : '';
    return this.bundle[propertyLabelKey(m, p.name, field)] ?? p[field] ?? '';
  }

  /** An association's title or description. */
  ofAssociation(a: AssociationDef, field: 'title' | 'description'): string {
    const owner = this.dict.get(a.sourceClass);
    const m = owner ? this.dict.model(owner).name : '';
    return this.bundle[associationLabelKey(m, a.name, field)] ?? a[field] ?? '';
  }

  /** A named constraint's title or description. */
  ofConstraint(c: ConstraintDef, modelName: string, field: 'title' | 'description'): string {
    return c.name ? this.bundle[constraintLabelKey(modelName, c.name, field)] ?? '' : '';
  }
}
