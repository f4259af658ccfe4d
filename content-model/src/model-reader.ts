// Reads an Alfresco content model file (M2Model XML, modelSchema.xsd) into the typed structure of
// model-types.ts. Not EFR-specific: it reads efr-model.xml and alfresco-base-model.xml alike.
// The XML is parsed by fast-xml-parser; this file only maps elements to fields and reports
// what Alfresco's dictionary would refuse (undeclared prefixes, names outside the model's own
// namespaces, duplicate names, unknown data types, references to constraints that do not exist).
import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import {
  ModelError,
  type AssociationDef,
  type ClassDef,
  type ConstraintDef,
  type ConstraintParameter,
  type IndexDef,
  type ModelDef,
  type ModelNamespace,
  type PropertyDef,
  type PropertyOverrideDef,
} from './model-types.js';

/** Data types of Alfresco's dictionary model (`d:` prefix, dictionaryModel.xml). */
export const ALFRESCO_DATA_TYPES: readonly string[] = [
  'd:any', 'd:encrypted', 'd:text', 'd:mltext', 'd:content', 'd:int', 'd:long', 'd:float',
  'd:double', 'd:date', 'd:datetime', 'd:boolean', 'd:qname', 'd:noderef', 'd:childassocref',
  'd:assocref', 'd:path', 'd:category', 'd:locale', 'd:version', 'd:period',
];

/** URI of Alfresco's dictionary namespace, the one `d:` data types live in. */
const DICTIONARY_URI = 'http://www.alfresco.org/model/dictionary/1.0';

/** A parsed XML element: attributes as `@_name`, text as `#text`, children by tag name. */
type XmlNode = { readonly [key: string]: unknown };

/** Parent/child tag pairs that may repeat, so the parser always gives arrays for them. */
const REPEATED = new Set([
  'imports.import', 'namespaces.namespace', 'constraints.constraint', 'types.type',
  'aspects.aspect', 'properties.property', 'associations.association',
  'associations.child-association', 'mandatory-aspects.aspect', 'list.value',
  'constraint.parameter', 'overrides.property',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  removeNSPrefix: true,
  ignoreDeclaration: true,
  isArray: (_tag, jPath) => {
    if (typeof jPath !== 'string') return false;
    return REPEATED.has(jPath.split('.').slice(-2).join('.'));
  },
});

function isNode(v: unknown): v is XmlNode {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The element `key` of `node` as a node; empty elements (`<properties/>`) give `{}`. */
function child(node: XmlNode, key: string): XmlNode | undefined {
  const v = node[key];
  if (v === undefined) return undefined;
  return isNode(v) ? v : {};
}

function list(node: XmlNode | undefined, key: string): XmlNode[] {
  const v = node?.[key];
  return Array.isArray(v) ? v.map((e) => (isNode(e) ? e : { '#text': e })) : [];
}

/** Text of an element that may also carry attributes (`<mandatory enforced="true">true</…>`). */
function textOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (isNode(v) && typeof v['#text'] === 'string') return v['#text'];
  if (isNode(v)) return '';
  return undefined;
}

function text(node: XmlNode | undefined, key: string): string | undefined {
  return node === undefined ? undefined : textOf(node[key]);
}

function attr(node: XmlNode | undefined, name: string): string | undefined {
  const v = node?.[`@_${name}`];
  return typeof v === 'string' ? v : undefined;
}

function bool(node: XmlNode | undefined, key: string): boolean | undefined {
  const t = text(node, key);
  return t === undefined ? undefined : t.trim() === 'true';
}

/** `<mandatory enforced="…">…</mandatory>`: enforced defaults to false, as in Alfresco. */
function mandatoryOf(node: XmlNode | undefined, key: string): [boolean, boolean] | undefined {
  if (node === undefined || node[key] === undefined) return undefined;
  const m = node[key];
  const enforced = isNode(m) && m['@_enforced'] === 'true';
  return [textOf(m)?.trim() === 'true', enforced];
}

/** Collects problems while one model is read, to report them all at once. */
class ModelContext {
  readonly problems: string[] = [];
  private readonly prefixes = new Set<string>();
  private readonly own = new Set<string>();
  readonly constraints = new Map<string, ConstraintDef>();

  constructor(imports: ModelNamespace[], namespaces: ModelNamespace[]) {
    for (const ns of imports) this.prefixes.add(ns.prefix);
    for (const ns of namespaces) {
      this.prefixes.add(ns.prefix);
      this.own.add(ns.prefix);
    }
  }

  /** Checks a name this model defines: it must be in one of the model's own namespaces. */
  defined(name: string | undefined, what: string): string {
    if (name === undefined || name === '') {
      this.problems.push(`a ${what} has no name`);
      return '';
    }
    const prefix = this.prefixOf(name, what);
    if (prefix !== undefined && !this.own.has(prefix)) {
      this.problems.push(`${what} ${name} is not in a namespace this model declares`);
    }
    return name;
  }

  /** Checks a name this model refers to: its prefix must be imported or declared. */
  referred(name: string | undefined, what: string): string {
    if (name === undefined || name === '') {
      this.problems.push(`a ${what} reference is empty`);
      return '';
    }
    const prefix = this.prefixOf(name, what);
    if (prefix !== undefined && !this.prefixes.has(prefix)) {
      this.problems.push(
        `${what} ${name} uses prefix ${prefix}, which is neither imported nor declared`);
    }
    return name;
  }

  private prefixOf(name: string, what: string): string | undefined {
    const m = /^([A-Za-z_][\w.-]*):([A-Za-z_][\w.-]*)$/.exec(name);
    if (!m) {
      this.problems.push(`${what} ${name} is not a prefixed QName`);
      return undefined;
    }
    return m[1];
  }
}

function parseParameters(node: XmlNode): Record<string, ConstraintParameter> {
  const out: Record<string, ConstraintParameter> = {};
  for (const p of list(node, 'parameter')) {
    const name = attr(p, 'name') ?? '';
    const values = child(p, 'list');
    out[name] = values !== undefined
      ? list(values, 'value').map((v) => textOf(v) ?? '')
      : (text(p, 'value') ?? '');
  }
  return out;
}

function parseConstraint(node: XmlNode, ctx: ModelContext, named: boolean): ConstraintDef {
  const ref = attr(node, 'ref');
  if (ref !== undefined) {
    ctx.referred(ref, 'constraint');
    const target = ctx.constraints.get(ref);
    // A reference into another model is resolved when models are joined (buildModelSet).
    return target ? { ...target, ref } : { type: 'REF', name: ref, ref, parameters: {} };
  }
  const name = attr(node, 'name');
  if (named) ctx.defined(name, 'constraint');
  const type = attr(node, 'type');
  if (type === undefined || type === '') ctx.problems.push(`constraint ${name ?? ''} has no type`);
  const def: ConstraintDef = { type: type ?? '', parameters: parseParameters(node) };
  return name !== undefined ? { ...def, name } : def;
}

function parseConstraints(node: XmlNode | undefined, ctx: ModelContext): ConstraintDef[] {
  return list(child(node ?? {}, 'constraints'), 'constraint')
    .map((c) => parseConstraint(c, ctx, false));
}

function parseIndex(node: XmlNode): IndexDef | undefined {
  const idx = child(node, 'index');
  if (idx === undefined) return undefined;
  const tokenised = text(idx, 'tokenised')?.trim();
  return {
    enabled: attr(idx, 'enabled') === 'true',
    ...(idx.atomic !== undefined ? { atomic: bool(idx, 'atomic') } : {}),
    ...(idx.stored !== undefined ? { stored: bool(idx, 'stored') } : {}),
    ...(tokenised === 'true' || tokenised === 'false' || tokenised === 'both' ? { tokenised } : {}),
    ...(idx.facetable !== undefined ? { facetable: bool(idx, 'facetable') } : {}),
  };
}

/** Title and description, only when present. */
function labels(node: XmlNode): { title?: string; description?: string } {
  const title = text(node, 'title');
  const description = text(node, 'description');
  return { ...(title !== undefined ? { title } : {}), ...(description ? { description } : {}) };
}

function parseProperty(node: XmlNode, owner: string, ctx: ModelContext): PropertyDef {
  const name = ctx.defined(attr(node, 'name'), 'property');
  const type = ctx.referred(text(node, 'type')?.trim(), `type of property ${name}`);
  if (type.startsWith('d:') && !ALFRESCO_DATA_TYPES.includes(type)) {
    ctx.problems.push(`property ${name} has unknown data type ${type}`);
  }
  const [mandatory, mandatoryEnforced] = mandatoryOf(node, 'mandatory') ?? [false, false];
  const defaultValue = text(node, 'default');
  const index = parseIndex(node);
  return {
    name, owner, ...labels(node), type,
    protected: bool(node, 'protected') ?? false,
    mandatory, mandatoryEnforced,
    multiple: bool(node, 'multiple') ?? false,
    ...(defaultValue !== undefined ? { defaultValue } : {}),
    ...(index !== undefined ? { index } : {}),
    constraints: parseConstraints(node, ctx),
  };
}

function parseOverride(node: XmlNode, ctx: ModelContext): PropertyOverrideDef {
  const m = mandatoryOf(node, 'mandatory');
  const defaultValue = text(node, 'default');
  return {
    name: ctx.referred(attr(node, 'name'), 'overridden property'),
    ...(m !== undefined ? { mandatory: m[0], mandatoryEnforced: m[1] } : {}),
    ...(defaultValue !== undefined ? { defaultValue } : {}),
    constraints: parseConstraints(node, ctx),
  };
}

function parseAssociation(node: XmlNode, source: string, isChild: boolean,
  ctx: ModelContext): AssociationDef {
  const name = ctx.defined(attr(node, 'name'), 'association');
  const src = child(node, 'source');
  const tgt = child(node, 'target');
  if (tgt === undefined) ctx.problems.push(`association ${name} has no target`);
  const targetClass = ctx.referred(text(tgt, 'class')?.trim(), `target of ${name}`);
  const [targetMandatory, targetMandatoryEnforced] =
    mandatoryOf(tgt, 'mandatory') ?? [false, false];
  const sourceRole = text(src, 'role');
  const targetRole = text(tgt, 'role');
  const duplicate = bool(node, 'duplicate');
  const propagateTimestamps = bool(node, 'propagateTimestamps');
  return {
    name, ...labels(node), isChild, sourceClass: source, targetClass,
    ...(sourceRole !== undefined ? { sourceRole } : {}),
    ...(targetRole !== undefined ? { targetRole } : {}),
    sourceMandatory: bool(src, 'mandatory') ?? false,
    sourceMany: bool(src, 'many') ?? false,
    targetMandatory, targetMandatoryEnforced,
    targetMany: bool(tgt, 'many') ?? false,
    ...(isChild && duplicate !== undefined ? { duplicate } : {}),
    ...(isChild && propagateTimestamps !== undefined ? { propagateTimestamps } : {}),
  };
}

function parseClass(node: XmlNode, isAspect: boolean, ctx: ModelContext): ClassDef {
  const kind = isAspect ? 'aspect' : 'type';
  const name = ctx.defined(attr(node, 'name'), kind);
  const parentText = text(node, 'parent')?.trim();
  const parent = parentText ? ctx.referred(parentText, `parent of ${name}`) : undefined;
  const assocs = child(node, 'associations');
  const archive = bool(node, 'archive');
  const inSuper = bool(node, 'includedInSuperTypeQuery');
  return {
    name, isAspect, ...labels(node),
    ...(parent !== undefined ? { parent } : {}),
    ...(archive !== undefined ? { archive } : {}),
    ...(inSuper !== undefined ? { includedInSuperTypeQuery: inSuper } : {}),
    properties: list(child(node, 'properties'), 'property').map((p) => parseProperty(p, name, ctx)),
    associations: [
      ...list(assocs, 'association').map((a) => parseAssociation(a, name, false, ctx)),
      ...list(assocs, 'child-association').map((a) => parseAssociation(a, name, true, ctx)),
    ],
    overrides: list(child(node, 'overrides'), 'property').map((p) => parseOverride(p, ctx)),
    mandatoryAspects: list(child(node, 'mandatory-aspects'), 'aspect')
      .map((a) => ctx.referred(textOf(a)?.trim(), `mandatory aspect of ${name}`)),
  };
}

function namespacesOf(node: XmlNode, group: string, tag: string): ModelNamespace[] {
  return list(child(node, group), tag)
    .map((n) => ({ uri: attr(n, 'uri') ?? '', prefix: attr(n, 'prefix') ?? '' }));
}

/** Every name defined twice in a model, which Alfresco's dictionary refuses. */
function duplicates(model: ModelDef): string[] {
  const seen = new Map<string, number>();
  const count = (what: string, n: string): void => {
    seen.set(`${what} ${n}`, (seen.get(`${what} ${n}`) ?? 0) + 1);
  };
  for (const c of model.constraints) count('constraint', c.name ?? '');
  for (const c of [...model.types, ...model.aspects]) {
    count('class', c.name);
    for (const p of c.properties) count('property', p.name);
    for (const a of c.associations) count('association', a.name);
  }
  return [...seen].filter(([, n]) => n > 1).map(([k]) => `${k} is defined more than once`);
}

/**
 * Parses the text of an Alfresco model file. Throws ModelError naming every problem found;
 * `source` names the file in messages.
 */
export function parseModel(xml: string, source = 'model'): ModelDef {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const where = `line ${valid.err.line}`;
    throw new ModelError(source, [`not well-formed XML at ${where}: ${valid.err.msg}`]);
  }
  const root = child(parser.parse(xml) as XmlNode, 'model');
  if (root === undefined) throw new ModelError(source, ['the root element is not <model>']);
  const imports = namespacesOf(root, 'imports', 'import');
  const namespaces = namespacesOf(root, 'namespaces', 'namespace');
  if (namespaces.length === 0) throw new ModelError(source, ['the model declares no namespace']);
  const ctx = new ModelContext(imports, namespaces);
  const constraints: ConstraintDef[] = [];
  for (const c of list(child(root, 'constraints'), 'constraint')) {
    const def = parseConstraint(c, ctx, true);
    constraints.push(def);
    if (def.name) ctx.constraints.set(def.name, def);
  }
  const description = text(root, 'description');
  const author = text(root, 'author');
  const published = text(root, 'published');
  const version = text(root, 'version');
  const model: ModelDef = {
    name: ctx.defined(attr(root, 'name'), 'model'),
    ...(description !== undefined ? { description } : {}),
    ...(author !== undefined ? { author } : {}),
    ...(published !== undefined ? { published } : {}),
    ...(version !== undefined ? { version } : {}),
    imports, namespaces, constraints,
    types: list(child(root, 'types'), 'type').map((t) => parseClass(t, false, ctx)),
    aspects: list(child(root, 'aspects'), 'aspect').map((a) => parseClass(a, true, ctx)),
  };
  const problems = [...ctx.problems, ...duplicates(model)];
  if (problems.length > 0) throw new ModelError(source, problems);
  return model;
}

/** Reads and parses one model file (UTF-8). */
export function readModelFile(file: string): ModelDef {
  return parseModel(readFileSync(file, 'utf8'), file);
}

/** The namespace URI a prefix stands for in a model (own namespaces first, then imports). */
export function namespaceUri(model: ModelDef, prefix: string): string | undefined {
  const found = [...model.namespaces, ...model.imports].find((n) => n.prefix === prefix);
  if (found === undefined && prefix === 'd') return DICTIONARY_URI;
  return found?.uri;
}
