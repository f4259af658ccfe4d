import type { FastifyInstance, FastifyRequest } from 'fastify';
import type {
  AssociationDef, ClassDef, PropertyDef,
} from '../../../content-model/src/model-types.js';
import { callerOf } from '../http/auth.js';
import { badRequest, notFound } from '../http/errors.js';
import { listBody, pageOf, parsePaging } from '../http/paging.js';
import { parseIncludes } from '../repo/node-json.js';
import type { Repository } from '../repo/repository.js';
import { CORE } from '../routes/paths.js';
import type { Labels, ModelDictionary } from './model-dictionary.js';

type Q = Record<string, unknown>;

/** A `where` of GET types/aspects reduced to a predicate over classes. */
type ClassFilter = (cls: ClassDef) => boolean;

/**
 * Parses the `where` of `GET types` / `GET aspects` (alfresco-model.yaml): clauses joined by
 * `and`, each `parentId in ('a','b')`, `modelId in ('m' [INCLUDESUBTYPES], …)`,
 * `[not] namespaceUri matches('regex')`. Anything else is a 400.
 */
export function parseClassWhere(dict: ModelDictionary, where: unknown): ClassFilter {
  if (where === undefined || where === '') return () => true;
  if (typeof where !== 'string' || where.length > 500) throw badRequest('Invalid where');
  const body = where.trim().replace(/^\((.*)\)$/s, '$1');
  const filters: ClassFilter[] = [];
  for (const clause of body.split(/\s+and\s+/i)) {
    const list = (s: string): string[] => [...s.matchAll(/'([^']*)'/g)].map((m) => m[1].trim());
    let m = /^parentId\s+in\s*\((.*)\)$/i.exec(clause.trim());
    if (m) {
      const parents = list(m[1]);
      filters.push((c) => c.parent !== undefined &&
        parents.some((p) => c.name !== p && dict.isSubClassOf(c.name, p)));
      continue;
    }
    m = /^modelId\s+in\s*\((.*)\)$/i.exec(clause.trim());
    if (m) {
      const models = list(m[1]).map((s) => s.replace(/\s+INCLUDESUBTYPES$/i, ''));
      filters.push((c) => models.includes(dict.model(c).name));
      continue;
    }
    m = /^(not\s+)?namespaceUri\s+matches\s*\('(.*)'\)$/i.exec(clause.trim());
    if (m) {
      let re: RegExp;
      try {
        re = new RegExp(`^(?:${m[2]})$`);
      } catch {
        // SyntaxError: the client's pattern is no regular expression.
        throw badRequest(`Invalid regular expression: ${m[2]}`);
      }
      const negate = m[1] !== undefined;
      filters.push((c) => re.test(dict.namespaceUri(c.name)) !== negate);
      continue;
    }
    throw badRequest(`Invalid where clause: ${where}`);
  }
  return (c) => filters.every((f) => f(c));
}

/** Property JSON (definitions/Property). */
function propertyJson(labels: Labels, dict: ModelDictionary, p: PropertyDef)
  : Record<string, unknown> {
  const owner = dict.get(p.owner);
  const modelName = owner ? dict.model(owner).name : '';
  return {
    id: p.name,
    title: labels.ofProperty(p, 'title'),
    description: labels.ofProperty(p, 'description'),
    dataType: p.type,
    isMultiValued: p.multiple,
    isMandatory: p.mandatory,
    isMandatoryEnforced: p.mandatoryEnforced,
    isProtected: p.protected,
    ...(p.defaultValue !== undefined ? { defaultValue: p.defaultValue } : {}),
    constraints: p.constraints.map((c, i) => ({
      id: c.name ?? `${p.name}_anon_${i}`,
      type: c.type,
      title: labels.ofConstraint(c, modelName, 'title'),
      description: labels.ofConstraint(c, modelName, 'description'),
      parameters: { ...c.parameters },
    })),
  };
}

function associationJson(labels: Labels, a: AssociationDef): Record<string, unknown> {
  return {
    id: a.name,
    title: labels.ofAssociation(a, 'title'),
    description: labels.ofAssociation(a, 'description'),
    isChild: a.isChild,
    isProtected: false,
    source: { cls: a.sourceClass, isMandatory: a.sourceMandatory, isMany: a.sourceMany,
      isMandatoryEnforced: false, ...(a.sourceRole ? { role: a.sourceRole } : {}) },
    target: { cls: a.targetClass, isMandatory: a.targetMandatory, isMany: a.targetMany,
      isMandatoryEnforced: a.targetMandatoryEnforced,
      ...(a.targetRole ? { role: a.targetRole } : {}) },
  };
}

/**
 * A Type or Aspect (definitions/AbstractClass of alfresco-model.yaml). `all` gives every part,
 * as GET types/{id} does; a list gives properties, mandatoryAspects and associations on request.
 */
export function classJson(dict: ModelDictionary, labels: Labels, cls: ClassDef,
  include: Set<string> | 'all'): Record<string, unknown> {
  const has = (k: string): boolean => include === 'all' || include.has(k);
  const model = dict.model(cls);
  const prefix = cls.name.split(':')[0];
  return {
    id: cls.name,
    title: labels.ofClass(cls, 'title'),
    description: labels.ofClass(cls, 'description'),
    ...(cls.parent ? { parentId: cls.parent } : {}),
    isContainer: dict.isContainer(cls),
    isArchive: cls.archive ?? false,
    includedInSupertypeQuery: cls.includedInSuperTypeQuery ?? true,
    model: { id: model.name, ...(model.author ? { author: model.author } : {}),
      ...(model.description ? { description: model.description } : {}),
      namespaceUri: dict.namespaceUri(cls.name), namespacePrefix: prefix },
    ...(has('properties') ? { properties: dict.properties(cls).map((p) =>
      propertyJson(labels, dict, p)) } : {}),
    ...(has('mandatoryAspects') ? { mandatoryAspects: dict.mandatoryAspects(cls) } : {}),
    ...(has('associations') ? { associations: dict.associations(cls).map((a) =>
      associationJson(labels, a)) } : {}),
  };
}

/**
 * The model API of ACS (`types`, `types/{typeId}`, `aspects`, `aspects/{aspectId}`, defined in
 * alfresco-model.yaml at the core API's base path) over the models server/ loads. ACA's info
 * drawer asks `types/{nodeType}` for a node's properties (issue 17: `types/efr:recording` 404
 * left the panel spinning).
 */
export function registerModelApi(app: FastifyInstance, repo: Repository, dict: ModelDictionary)
  : void {
  const labelsOf = (req: FastifyRequest): Labels => {
    const h = req.headers['accept-language'];
    return dict.labels(typeof h === 'string' ? h : undefined);
  };
  for (const [path, aspects] of [['types', false], ['aspects', true]] as const) {
    app.get(`${CORE}/${path}`, async (req) => {
      callerOf(repo, req);
      const q = req.query as Q;
      const paging = parsePaging(q);
      const filter = parseClassWhere(dict, q.where);
      const include = parseIncludes(q.include);
      const labels = labelsOf(req);
      const all = dict.classes(aspects).filter(filter);
      return listBody(pageOf(all, paging).map((c) => classJson(dict, labels, c, include)),
        paging, all.length);
    });
    app.get(`${CORE}/${path}/:classId`, async (req) => {
      callerOf(repo, req);
      const id = (req.params as { classId: string }).classId;
      const cls = dict.get(id);
      if (!cls || cls.isAspect !== aspects) {
        throw notFound(`The entity with id: ${id} was not found`);
      }
      return { entry: classJson(dict, labelsOf(req), cls, 'all') };
    });
  }
}
