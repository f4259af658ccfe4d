import type { ClassDef, PropertyDef } from './model-types.js';

/**
 * The slice of Alfresco's sys/cm models the server needs when
 * `content-model/alfresco-base-model.xml` is not available. Names follow ACS's
 * contentModel.xml and systemModel.xml.
 */
function prop(name: string, type: string, extra: Partial<PropertyDef> = {}): PropertyDef {
  return { name, type, mandatory: false, multiple: false, constraints: [], ...extra };
}

function cls(
  name: string,
  parent: string | undefined,
  isAspect: boolean,
  properties: PropertyDef[] = [],
  mandatoryAspects: string[] = [],
): ClassDef {
  return { name, parent, isAspect, properties, mandatoryAspects, associations: [] };
}

/** Built-in classes, used as a fallback and merged under the loaded models. */
export function baseClasses(): ClassDef[] {
  return [
    cls('sys:base', undefined, false, [], ['sys:referenceable', 'cm:auditable']),
    cls('sys:referenceable', undefined, true, [
      prop('sys:store-protocol', 'd:text'),
      prop('sys:store-identifier', 'd:text'),
      prop('sys:node-uuid', 'd:text'),
      prop('sys:node-dbid', 'd:long'),
    ]),
    cls('cm:auditable', undefined, true, [
      prop('cm:created', 'd:datetime'),
      prop('cm:creator', 'd:text'),
      prop('cm:modified', 'd:datetime'),
      prop('cm:modifier', 'd:text'),
      prop('cm:accessed', 'd:datetime'),
    ]),
    cls('cm:cmobject', 'sys:base', false, [prop('cm:name', 'd:text', { mandatory: true })]),
    cls('cm:folder', 'cm:cmobject', false),
    cls('cm:content', 'cm:cmobject', false, [prop('cm:content', 'd:content')]),
    cls('cm:titled', undefined, true, [
      prop('cm:title', 'd:mltext'),
      prop('cm:description', 'd:mltext'),
    ]),
    cls('cm:author', undefined, true, [prop('cm:author', 'd:text')]),
    cls('cm:ownable', undefined, true, [prop('cm:owner', 'd:text')]),
    cls('cm:lockable', undefined, true, [
      prop('cm:lockOwner', 'd:text'),
      prop('cm:lockType', 'd:text'),
      prop('cm:lockLifetime', 'd:text'),
      prop('cm:expiryDate', 'd:date'),
    ]),
    cls('cm:versionable', undefined, true, [
      prop('cm:versionLabel', 'd:text'),
      prop('cm:initialVersion', 'd:boolean'),
      prop('cm:autoVersion', 'd:boolean'),
      prop('cm:autoVersionOnUpdateProps', 'd:boolean'),
    ]),
    cls('cm:generalclassifiable', undefined, true, [
      prop('cm:categories', 'd:category', { multiple: true }),
    ]),
    cls('cm:taggable', undefined, true, [prop('cm:taggable', 'd:category', { multiple: true })]),
  ];
}
