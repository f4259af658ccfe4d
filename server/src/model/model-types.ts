/** A constraint on a property, as declared in an Alfresco model. */
export interface ConstraintDef {
  /** LIST, REGEX, MINMAX, LENGTH (others are ignored by the server). */
  type: string;
  /** Named constraint QName when declared at model level. */
  name?: string;
  /** Parameters: allowedValues, expression, requiresMatch, minValue, maxValue, minLength… */
  parameters: Record<string, unknown>;
}

/** A property definition. */
export interface PropertyDef {
  name: string;
  /** Data type QName: d:text, d:int, d:long, d:double, d:float, d:boolean, d:date… */
  type: string;
  mandatory: boolean;
  multiple: boolean;
  defaultValue?: string;
  constraints: ConstraintDef[];
}

/** An association definition (peer or child). */
export interface AssociationDef {
  name: string;
  isChild: boolean;
  sourceClass: string;
  targetClass: string;
  targetMany: boolean;
  sourceMany: boolean;
  targetMandatory: boolean;
}

/** A type or an aspect. */
export interface ClassDef {
  name: string;
  parent?: string;
  isAspect: boolean;
  title?: string;
  properties: PropertyDef[];
  mandatoryAspects: string[];
  associations: AssociationDef[];
  /** A subtype's changes to inherited properties (mandatory, default, added constraints). */
  overrides?: PropertyOverride[];
}

/** An `<overrides><property>` entry of a subtype. */
export interface PropertyOverride {
  name: string;
  mandatory?: boolean;
  defaultValue?: string;
  constraints: ConstraintDef[];
}

/** The parsed models the server enforces. */
export interface ModelSet {
  classes: Map<string, ClassDef>;
}
