import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BASE_MODEL_FILE, EFR_MODEL_FILE } from './model-set.js';
import { tempDir, xmllintSchema } from './spec-support.js';

describe('content model files against Alfresco modelSchema.xsd (xmllint)', () => {
  it('efr-model.xml validates', () => {
    const r = xmllintSchema(EFR_MODEL_FILE);
    expect(r.stderr).toContain('validates');
    expect(r.status).toBe(0);
  });

  it('alfresco-base-model.xml validates', () => {
    const r = xmllintSchema(BASE_MODEL_FILE);
    expect(r.stderr).toContain('validates');
    expect(r.status).toBe(0);
  });

  it('a model with elements out of the schema order is refused (the check is real)', () => {
    // <mandatory> before <type> breaks the xs:sequence of dd:property.
    const xml = readFileSync(EFR_MODEL_FILE, 'utf8').replace(
      /<type>d:text<\/type>\s*<mandatory enforced="true">true<\/mandatory>/,
      '<mandatory enforced="true">true</mandatory><type>d:text</type>',
    );
    const file = join(tempDir('xsd'), 'broken-model.xml');
    writeFileSync(file, xml);
    const r = xmllintSchema(file);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('fails to validate');
  });

  it('declares the efr namespace of docs/enumerations.md and imports d, cm and sys', () => {
    const xml = readFileSync(EFR_MODEL_FILE, 'utf8');
    expect(xml).toContain(
      '<namespace uri="http://www.efr.example.org/model/efr/1.0" prefix="efr"/>');
    for (const [prefix, uri] of [
      ['d', 'http://www.alfresco.org/model/dictionary/1.0'],
      ['cm', 'http://www.alfresco.org/model/content/1.0'],
      ['sys', 'http://www.alfresco.org/model/system/1.0'],
    ]) {
      expect(xml).toContain(`<import uri="${uri}" prefix="${prefix}"/>`);
    }
  });
});
