import type { FastifyInstance } from 'fastify';
import { callerOf } from '../http/auth.js';
import { notFound } from '../http/errors.js';
import type { Repository } from '../repo/repository.js';
import type { ModelDictionary } from './model-dictionary.js';

/** Both mount points of ACS's classic web scripts. */
const PREFIXES = ['/alfresco/s', '/alfresco/service'];

/**
 * The classic dictionary web script `GET /api/classes/{className}` (className `prefix_name`,
 * e.g. `efr_recording`), which ADF's metadata panel reads for a node's property groups. Shape
 * of ACS's template and controller (alfresco-community-repo 25.5.0.31,
 * remote-api/src/main/resources/alfresco/templates/webscripts/org/alfresco/repository/
 * dictionary/class.get.json.ftl + classdetails.lib.ftl, and remote-api/…/repo/web/scripts/
 * dictionary/AbstractClassGet.java + ClassGet.java): one class object with name, isAspect,
 * isContainer, title, description, parent {name,title,url}, defaultAspects, properties and
 * associations / childassociations keyed by QName (inherited ones included, as
 * ClassDefinition.getProperties() has them), url; labels in the request's locale
 * (Accept-Language: content-model/messages/efr-model_zh_CN.properties for zh). An unknown
 * class is a 404 ("Check the classname - … - parameter in the URL"), in server/'s error body.
 */
export function registerDictionaryClasses(app: FastifyInstance, repo: Repository,
  dict: ModelDictionary): void {
  for (const prefix of PREFIXES) {
    app.get(`${prefix}/api/classes/:className`, async (req) => {
      callerOf(repo, req);
      const raw = (req.params as { className: string }).className;
      const underscore = raw.indexOf('_');
      const cls = underscore > 0
        ? dict.get(`${raw.slice(0, underscore)}:${raw.slice(underscore + 1)}`) : undefined;
      if (!cls) throw notFound(`Check the classname - ${raw} - parameter in the URL`);
      const h = req.headers['accept-language'];
      const labels = dict.labels(typeof h === 'string' ? h : undefined);
      const key = cls.name.replace(':', '_');
      const keyOf = (qname: string): string => qname.replace(':', '_');
      const parent = cls.parent ? dict.get(cls.parent) : undefined;
      type Assoc = ReturnType<ModelDictionary['associations']>[number];
      const assocJson = (a: Assoc, child: boolean) => ({
        name: a.name,
        title: labels.ofAssociation(a, 'title'),
        url: `/api/classes/${key}/association/${keyOf(a.name)}`,
        source: { class: a.sourceClass, ...(!child && a.sourceRole ? { role: a.sourceRole } : {}),
          mandatory: a.sourceMandatory, many: a.sourceMany },
        target: { class: a.targetClass, ...(!child && a.targetRole ? { role: a.targetRole } : {}),
          mandatory: a.targetMandatory, many: a.targetMany },
      });
      const assocs = dict.associations(cls);
      return {
        name: cls.name,
        isAspect: cls.isAspect,
        isContainer: dict.isContainer(cls),
        title: labels.ofClass(cls, 'title'),
        description: labels.ofClass(cls, 'description'),
        parent: parent ? { name: parent.name, title: parent.name.split(':')[1],
          url: `/api/classes/${keyOf(parent.name)}` } : {},
        defaultAspects: Object.fromEntries(dict.mandatoryAspects(cls).map((a) => {
          const aspect = dict.get(a);
          return [a, { name: a, title: aspect ? labels.ofClass(aspect, 'title') : '',
            url: `/api/classes/${key}/property/${keyOf(a)}` }];
        })),
        properties: Object.fromEntries(dict.properties(cls).map((p) => [p.name, {
          name: p.name,
          title: labels.ofProperty(p, 'title'),
          description: labels.ofProperty(p, 'description'),
          dataType: p.type,
          defaultValue: p.defaultValue ?? null,
          multiValued: p.multiple,
          mandatory: p.mandatory,
          enforced: p.mandatoryEnforced,
          protected: p.protected,
          indexed: p.index?.enabled ?? true,
          url: `/api/classes/${key}/property/${keyOf(p.name)}`,
        }])),
        associations: Object.fromEntries(assocs.filter((a) => !a.isChild)
          .map((a) => [a.name, assocJson(a, false)])),
        childassociations: Object.fromEntries(assocs.filter((a) => a.isChild)
          .map((a) => [a.name, assocJson(a, true)])),
        url: `/api/classes/${key}`,
      };
    });
  }
}
