import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  classLabelKey,
  decodeBundleBytes,
  expectedLabelKeys,
  listValueLabelKey,
  loadLabels,
  propertyLabelKey,
  readBundleFile,
  type BundleFile,
} from './label-bundle.js';
import { readModelFile } from './model-reader.js';
import { EFR_MODEL_FILE, MESSAGES_DIR } from './model-set.js';
import type { ModelDef } from './model-types.js';
import { runJavaScript, tempDir } from './spec-support.js';

const BUNDLES = {
  en: join(MESSAGES_DIR, 'efr-model.properties'),
  zh_CN: join(MESSAGES_DIR, 'efr-model_zh_CN.properties'),
};

/** Java 17 (ACS 23's runtime) loading a bundle through ResourceBundle, as ACS registers them. */
const JAVA_LOAD_BUNDLE = `
var loader = new java.net.URLClassLoader([new java.io.File(arguments[0]).toURI().toURL()]);
var locale = new java.util.Locale(arguments[2], arguments[3]);
var bundle = java.util.ResourceBundle.getBundle(arguments[1], locale, loader);
var out = {};
var it = bundle.keySet().iterator();
while (it.hasNext()) { var k = String(it.next()); out[k] = String(bundle.getString(k)); }
printJson(out);
`;

function javaBundle(dir: string, base: string, lang: string, country: string):
  Record<string, string> {
  return runJavaScript<Record<string, string>>(JAVA_LOAD_BUNDLE, [dir, base, lang, country]);
}

describe('label bundles (messages/efr-model*.properties)', () => {
  let model: ModelDef;
  let files: Record<keyof typeof BUNDLES, BundleFile>;
  beforeAll(() => {
    model = readModelFile(EFR_MODEL_FILE);
    files = { en: readBundleFile(BUNDLES.en), zh_CN: readBundleFile(BUNDLES.zh_CN) };
  });

  for (const lang of Object.keys(BUNDLES) as (keyof typeof BUNDLES)[]) {
    describe(lang, () => {
      it('has a title and description for every class, property, association, constraint', () => {
        const missing = expectedLabelKeys(model).filter((k) => !(k in files[lang].labels));
        expect(missing).toEqual([]);
      });

      it('has no orphaned key (every key names something in the model)', () => {
        const expected = new Set(expectedLabelKeys(model));
        expect(Object.keys(files[lang].labels).filter((k) => !expected.has(k))).toEqual([]);
      });

      it('defines no key twice and no empty label', () => {
        expect(files[lang].duplicateKeys).toEqual([]);
        const empty = Object.entries(files[lang].labels).filter(([, v]) => v.trim() === '');
        expect(empty).toEqual([]);
      });

      it('is ASCII (other characters as \\uXXXX escapes) without MessageFormat quotes', () => {
        const bytes = readFileSync(BUNDLES[lang]);
        expect(bytes.every((b) => b < 0x80)).toBeTrue();
        // I18NUtil formats with MessageFormat when arguments are given: a lone ' would vanish.
        expect(Object.values(files[lang].labels).filter((v) => v.includes("'"))).toEqual([]);
      });
    });
  }

  it('zh_CN labels are Chinese, with the regulation terms', () => {
    const zh = files.zh_CN.labels;
    const notChinese = Object.entries(zh).filter(([, v]) => !/[\u4e00-\u9fff]/.test(v));
    expect(notChinese).toEqual([]);
    expect(zh[listValueLabelKey('efr:stageList', 'investigation')]).toBe('调查取证');
    expect(zh[listValueLabelKey('efr:measureList', 'criticism')]).toBe('全局通报批评');
    expect(zh[propertyLabelKey('efr:efrModel', 'efr:producer', 'title')]).toBe('制作人');
    expect(zh[propertyLabelKey('efr:efrModel', 'efr:extractor', 'title')]).toBe('提取人');
    expect(zh[classLabelKey('efr:efrModel', { name: 'efr:recording', isAspect: false }, 'title')])
      .toBe('音像记录');
  });

  it('Java 17 ResourceBundle reads the zh_CN bundle exactly as the TypeScript reader', () => {
    const java = javaBundle(MESSAGES_DIR, 'efr-model', 'zh', 'CN');
    expect(java).toEqual(loadLabels(MESSAGES_DIR, 'efr-model', 'zh-CN'));
  });

  it('Java 17 ResourceBundle reads the en bundle exactly as the TypeScript reader', () => {
    const java = javaBundle(MESSAGES_DIR, 'efr-model', 'en', '');
    expect(java).toEqual(loadLabels(MESSAGES_DIR, 'efr-model', 'en'));
  });

  it('Java 17 would also read a UTF-8 bundle (README: why the files stay escaped anyway)', () => {
    const dir = tempDir('bundle');
    const utf8 = 'efr_efrModel.type.efr_case.title=执法案卷\n';
    writeFileSync(join(dir, 'probe.properties'), 'efr_efrModel.type.efr_case.title=Case\n');
    writeFileSync(join(dir, 'probe_zh_CN.properties'), utf8, 'utf8');
    expect(javaBundle(dir, 'probe', 'zh', 'CN')['efr_efrModel.type.efr_case.title'])
      .toBe('执法案卷');
    // ISO-8859-1 bytes are not UTF-8: Java falls back to Latin-1, and so does decodeBundleBytes.
    expect(decodeBundleBytes(Uint8Array.from([0x63, 0x61, 0x66, 0xe9]))).toBe('café');
  });

  it('falls back from zh-CN to zh to the default bundle', () => {
    const dir = tempDir('fallback');
    writeFileSync(join(dir, 'm.properties'), 'a=A\nb=B\nc=C\n');
    writeFileSync(join(dir, 'm_zh.properties'), 'b=\\u4e59\n');
    writeFileSync(join(dir, 'm_zh_CN.properties'), 'c=\\u4e19\n');
    expect(loadLabels(dir, 'm', 'zh-CN')).toEqual({ a: 'A', b: '乙', c: '丙' });
    expect(loadLabels(dir, 'm', 'zh_TW')).toEqual({ a: 'A', b: '乙', c: 'C' });
    expect(loadLabels(dir, 'm')).toEqual({ a: 'A', b: 'B', c: 'C' });
  });
});
