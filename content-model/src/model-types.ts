// The typed form of an Alfresco content model (M2Model) as model-reader.ts returns it. Field names
// follow the XML elements of modelSchema.xsd; the shapes are a superset of what server/ expects
// (server/src/model/model-types.ts), so a parsed model can be handed to it as is.

/** A namespace declared or imported by a model. */
export interface ModelNamespace {
  /** Namespace URI, e.g. `http://www.alfresco.org/model/content/1.0`. */
  readonly uri: string;
  /** Prefix used in prefixed QNames, e.g. `cm`. */
  readonly prefix: string;
}

/** Value of a constraint parameter: `<value>` gives a string, `<list>` an array. */
export type ConstraintParameter = string | string[];

/** A constraint: declared at model level (named) or inline on a property. */
export interface ConstraintDef {
  /**
   * LIST, REGEX, MINMAX, LENGTH, REGISTERED or a Java class name; `REF` only while a reference
   * to another model's constraint is not yet resolved (see buildModelSet).
   */
  readonly type: string;
  /** QName of a named constraint, or of the named constraint a property refers to. */
  readonly name?: string;
  /** QName this constraint was referenced by (`<constraint ref="…"/>`), if it was. */
  readonly ref?: string;
  /** Parameters by name as written: numbers and booleans stay strings, as Alfresco reads them. */
  readonly parameters: Readonly<Record<string, ConstraintParameter>>;
}

/** Search index settings of a property. */
export interface IndexDef {
  /** Whether the property is indexed at all. */
  readonly enabled: boolean;
  /** Whether it is indexed in the transaction (true) or in the background. */
  readonly atomic?: boolean;
  /** Whether the original value is kept in the index. */
  readonly stored?: boolean;
  /** Tokenisation: `true`, `false` or `both`. */
  readonly tokenised?: 'true' | 'false' | 'both';
  /** Whether the property can be used as a search facet. */
  readonly facetable?: boolean;
}

/** A property of a type or aspect. */
export interface PropertyDef {
  /** Prefixed QName, e.g. `efr:sha256`. */
  readonly name: string;
  /** QName of the class that declares it. */
  readonly owner: string;
  readonly title?: string;
  readonly description?: string;
  /** Data type QName: d:text, d:int, d:long, d:double, d:boolean, d:date, d:datetime … */
  readonly type: string;
  /** Whether user interfaces must not edit it (`<protected>`). */
  readonly protected: boolean;
  /** Whether a value is required. */
  readonly mandatory: boolean;
  /** Whether the requirement is enforced at commit (`enforced="true"`) or only marks incomplete. */
  readonly mandatoryEnforced: boolean;
  /** Whether the property holds a list of values. */
  readonly multiple: boolean;
  /** Default value as written in the model. */
  readonly defaultValue?: string;
  readonly index?: IndexDef;
  /** Constraints, references to named constraints resolved into their definitions. */
  readonly constraints: ConstraintDef[];
}

/** A subtype's override of an inherited property. */
export interface PropertyOverrideDef {
  readonly name: string;
  readonly mandatory?: boolean;
  readonly mandatoryEnforced?: boolean;
  readonly defaultValue?: string;
  readonly constraints: ConstraintDef[];
}

/** A peer association or a child association. */
export interface AssociationDef {
  /** Prefixed QName, e.g. `efr:caseRecordings`. */
  readonly name: string;
  readonly title?: string;
  readonly description?: string;
  /** Whether this is a `<child-association>` (parent-child) rather than a peer association. */
  readonly isChild: boolean;
  /** QName of the class that declares it. */
  readonly sourceClass: string;
  /** QName of the class targets must be (or derive from). */
  readonly targetClass: string;
  readonly sourceRole?: string;
  readonly targetRole?: string;
  /** Whether every target must have a source. */
  readonly sourceMandatory: boolean;
  /** Whether a target may have several sources. */
  readonly sourceMany: boolean;
  /** Whether a source needs at least one target. */
  readonly targetMandatory: boolean;
  /** Whether that requirement is enforced at commit. */
  readonly targetMandatoryEnforced: boolean;
  /** Whether a source may have several targets. */
  readonly targetMany: boolean;
  /** Child associations only: whether two children may share a name. */
  readonly duplicate?: boolean;
  /** Child associations only: whether child changes update the parent's modified date. */
  readonly propagateTimestamps?: boolean;
}

/** A type or an aspect. */
export interface ClassDef {
  /** Prefixed QName, e.g. `efr:recording`. */
  readonly name: string;
  readonly isAspect: boolean;
  readonly title?: string;
  readonly description?: string;
  readonly parent?: string;
  readonly archive?: boolean;
  readonly includedInSuperTypeQuery?: boolean;
  readonly properties: PropertyDef[];
  readonly associations: AssociationDef[];
  readonly overrides: PropertyOverrideDef[];
  /** Aspects every node of this class carries, as declared (not transitive). */
  readonly mandatoryAspects: string[];
}

/** One parsed model file. */
export interface ModelDef {
  /** Prefixed QName of the model, e.g. `efr:efrModel`. */
  readonly name: string;
  readonly description?: string;
  readonly author?: string;
  readonly published?: string;
  readonly version?: string;
  readonly imports: ModelNamespace[];
  readonly namespaces: ModelNamespace[];
  /** Named constraints declared at model level. */
  readonly constraints: ConstraintDef[];
  readonly types: ClassDef[];
  readonly aspects: ClassDef[];
}

/** Several models joined, every reference between them checked. */
export interface ModelSet {
  readonly models: ModelDef[];
  /** Every type and aspect of every model, by QName. */
  readonly classes: Map<string, ClassDef>;
  /** Every named constraint of every model, by QName. */
  readonly constraints: Map<string, ConstraintDef>;
}

/** A model that cannot be read or whose references do not resolve. */
export class ModelError extends Error {
  /** Every problem found, one sentence each. */
  readonly problems: string[];

  constructor(source: string, problems: string[]) {
    super(`${source}: ${problems.join('; ')}`);
    this.name = 'ModelError';
    this.problems = problems;
  }
}
