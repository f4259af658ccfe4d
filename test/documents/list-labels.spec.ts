// Issue 19, point 12 (one vocabulary): the labels of the model's coded values (activity types,
// sources, exemption grounds, violation kinds, …) are the content model's message bundle
// (content-model/messages/efr-model*.properties, the regulation's own wording, which ACS's
// Share and Content App forms show). The screens' i18n and core's document texts say the same
// words: this spec holds both to the bundle, value by value, in zh-CN and en.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { documentText, type DocumentLanguage } from '../../core/src/index.js';
import { listValueLabelKey, readBundleFile } from '../../content-model/src/label-bundle.js';
import { MESSAGES_DIR } from '../../content-model/src/model-set.js';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * The model's LIST constraints that the screens label, with the feature whose i18n holds the
 * labels, their key there, and core's document-text prefix where documents print them too.
 * Statuses are not here: a screen's status says what comes next (待第二人确认), the bundle's the
 * state a form shows; docs/glossary.md gives both.
 */
const LISTS: readonly { list: string; feature: string; key: string; doc?: string }[] = [
  { list: 'efr:activityTypeList', feature: 'shared', key: 'EFR_SHARED.ACTIVITY',
    doc: 'activity' },
  { list: 'efr:sourceList', feature: 'shared', key: 'EFR_SHARED.SOURCE', doc: 'source' },
  { list: 'efr:actTypeList', feature: 'shared', key: 'EFR_SHARED.ACT_TYPE' },
  { list: 'efr:documentKindList', feature: 'shared', key: 'EFR_SHARED.DOC_KIND' },
  { list: 'efr:secrecyLevelList', feature: 'shared', key: 'EFR_SHARED.SECRECY' },
  { list: 'efr:exemptionGroundList', feature: 'exemptions', key: 'EFR_EXEMPTIONS.GROUND' },
  { list: 'efr:violationKindList', feature: 'spot-checks', key: 'EFR_SPOT_CHECKS.KIND',
    doc: 'violationKind' },
  { list: 'efr:measureList', feature: 'spot-checks', key: 'EFR_SPOT_CHECKS.MEASURE',
    doc: 'measure' },
  { list: 'efr:purposeList', feature: 'approvals', key: 'EFR_APPROVALS.PURPOSE' },
  { list: 'efr:mediumList', feature: 'evidence-disc', key: 'EFR_EVIDENCE_DISC.MEDIA' },
];

const LANGUAGES: readonly [DocumentLanguage, string, string][] = [
  ['zh-CN', 'efr-model_zh_CN.properties', 'zh-CN.json'],
  ['en', 'efr-model.properties', 'en.json'],
];

describe('one vocabulary: labels of coded values come from the model bundle (issue 19)', () => {
  for (const [language, bundleFile, i18nFile] of LANGUAGES) {
    const bundle = readBundleFile(join(MESSAGES_DIR, bundleFile)).labels;
    for (const { list, feature, key, doc } of LISTS) {
      it(`${list} (${language}): the screens${doc ? ' and the documents' : ''}`, () => {
        const prefix = listValueLabelKey(list, '');
        const values = Object.keys(bundle).filter((k) => k.startsWith(prefix))
          .map((k) => k.slice(prefix.length));
        expect(values.length).toBeGreaterThan(1);
        const i18n = JSON.parse(readFileSync(
          join(ROOT, 'extension', feature, 'i18n', i18nFile), 'utf8')) as Record<string, unknown>;
        const screens = key.split('.').reduce<unknown>(
          (o, k) => (o as Record<string, unknown> | undefined)?.[k], i18n) as
          Record<string, string>;
        for (const v of values) {
          const label = bundle[listValueLabelKey(list, v)];
          expect(screens[v]).withContext(`${feature} ${key}.${v}`).toBe(label);
          if (doc) {
            expect(documentText(language, `${doc}.${v}` as Parameters<typeof documentText>[1]))
              .withContext(`core/src/document-words.ts ${doc}.${v}`).toBe(label);
          }
        }
      });
    }
  }
});
