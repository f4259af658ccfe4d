// Label bundles of a content model: Java .properties files read the way ACS reads them, and the
// keys Alfresco looks labels up by (M2Label and ListOfValuesConstraint in alfresco-data-model):
//   <model>.description, <model>.<type|aspect|property|association|constraint>.<qname>.<title|…>
//   listconstraint.<constraint qname>.<value>
// with every `:` replaced by `_`, e.g. efr_efrModel.property.efr_sha256.title.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Properties } from 'properties-file/parser';
import type { ClassDef, ModelDef } from './model-types.js';

/** A label bundle: message key to text. */
export type LabelBundle = Record<string, string>;

/** One parsed bundle file with the keys it defines more than once (Java keeps the last one). */
export interface BundleFile {
  readonly labels: LabelBundle;
  readonly duplicateKeys: string[];
}

/**
 * Decodes bundle bytes like Java 9+ PropertyResourceBundle (ACS 23 and 25 run on Java 17/21):
 * UTF-8, and ISO-8859-1 when the bytes are not valid UTF-8. EFR's own bundles are ASCII with
 * \uXXXX escapes, which both readings agree on (README.md).
 */
export function decodeBundleBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // TypeError from the fatal decoder: not UTF-8, so Java would fall back to ISO-8859-1.
    // Buffer's latin1 is ISO-8859-1 proper (TextDecoder's 'latin1' would be windows-1252).
    return Buffer.from(bytes).toString('latin1');
  }
}

/** Reads one .properties bundle file (escapes, continuations and comments as Java does). */
export function readBundleFile(file: string): BundleFile {
  const props = new Properties(decodeBundleBytes(readFileSync(file)));
  return {
    labels: props.toObject(),
    duplicateKeys: props.getKeyCollisions().map((c) => c.key),
  };
}

/**
 * Reads the labels of `baseName` for a locale (`zh-CN`, `zh_CN`, `en` or undefined for the
 * default bundle), falling back like Java's ResourceBundle: `base_zh_CN`, then `base_zh`, then
 * `base`. Missing candidate files are skipped; the default bundle must exist.
 */
export function loadLabels(dir: string, baseName: string, locale?: string): LabelBundle {
  const parts = (locale ?? '').split(/[-_]/).filter((p) => p !== '');
  const candidates = [baseName];
  if (parts[0]) candidates.push(`${baseName}_${parts[0].toLowerCase()}`);
  if (parts[0] && parts[1]) {
    candidates.push(`${baseName}_${parts[0].toLowerCase()}_${parts[1].toUpperCase()}`);
  }
  let out: LabelBundle = {};
  candidates.forEach((name, i) => {
    const file = join(dir, `${name}.properties`);
    if (i > 0 && !existsSync(file)) return;
    out = { ...out, ...readBundleFile(file).labels };
  });
  return out;
}

/** `efr:efrModel` → `efr_efrModel`: Alfresco replaces every colon of a key by an underscore. */
function keyPart(qname: string): string {
  return qname.replace(/:/g, '_');
}

/** What a label describes. */
export type LabelField = 'title' | 'description';

/** Key of the model's own description. */
export function modelLabelKey(modelName: string): string {
  return `${keyPart(modelName)}.description`;
}

/** Key of a type's or aspect's title or description. */
export function classLabelKey(modelName: string, cls: Pick<ClassDef, 'name' | 'isAspect'>,
  field: LabelField): string {
  return `${keyPart(modelName)}.${cls.isAspect ? 'aspect' : 'type'}.${keyPart(cls.name)}.${field}`;
}

/** Key of a property's title or description. */
export function propertyLabelKey(modelName: string, property: string, field: LabelField): string {
  return `${keyPart(modelName)}.property.${keyPart(property)}.${field}`;
}

/** Key of an association's (peer or child) title or description. */
export function associationLabelKey(modelName: string, assoc: string, field: LabelField): string {
  return `${keyPart(modelName)}.association.${keyPart(assoc)}.${field}`;
}

/** Key of a named constraint's title or description. */
export function constraintLabelKey(modelName: string, constraint: string,
  field: LabelField): string {
  return `${keyPart(modelName)}.constraint.${keyPart(constraint)}.${field}`;
}

/** Key of the display label of one allowed value of a LIST constraint. */
export function listValueLabelKey(constraint: string, value: string): string {
  return `listconstraint.${keyPart(constraint)}.${value}`;
}

/**
 * Every key a complete bundle of `model` has: the model description, title and description of
 * each type, aspect, property, association and named constraint, and a label for each value of
 * each named LIST constraint.
 */
export function expectedLabelKeys(model: ModelDef): string[] {
  const m = model.name;
  const fields: LabelField[] = ['title', 'description'];
  const keys = [modelLabelKey(m)];
  for (const c of model.constraints) {
    if (c.name === undefined) continue;
    for (const f of fields) keys.push(constraintLabelKey(m, c.name, f));
    const values = c.type === 'LIST' ? c.parameters.allowedValues : undefined;
    if (Array.isArray(values)) for (const v of values) keys.push(listValueLabelKey(c.name, v));
  }
  for (const cls of [...model.types, ...model.aspects]) {
    for (const f of fields) keys.push(classLabelKey(m, cls, f));
    for (const p of cls.properties) {
      for (const f of fields) keys.push(propertyLabelKey(m, p.name, f));
    }
    for (const a of cls.associations) {
      for (const f of fields) keys.push(associationLabelKey(m, a.name, f));
    }
  }
  return keys;
}
