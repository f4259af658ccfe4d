// Checks the EFR Share module (issue 10): the forms are the ones the model gives, every label
// key exists in both bundles, capture facts and fixity are read-only (R26.1), every evaluator
// named is defined, the extension hides the changing actions for recordings, and
// dist/efr-share.jar is built reproducibly with well-formed XML inside.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { repoRoot } from './support/compose-env.js';
// The build scripts are plain ESM run by npm; generate-forms.d.mts and build-share.d.mts type them.
import {
  FORMS_PATH, generateFromRepository, READ_ONLY_ASPECTS,
} from '../../share-ui/build/generate-forms.mjs';
import { buildShareJar } from '../../share-ui/build/build-share.mjs';

const SRC = resolve(repoRoot, 'share-ui', 'src');
const EXTENSION = resolve(SRC, 'alfresco', 'site-data', 'extensions', 'efr-share-extension.xml');
const CONTEXT = resolve(SRC, 'alfresco', 'web-extension',
  'efr-share-slingshot-application-context.xml');
const BUNDLES = ['efr-model.properties', 'efr-model_zh_CN.properties']
  .map((n) => resolve(repoRoot, 'content-model', 'messages', n));

interface Bean { '@id'?: string; '@parent'?: string; '@class'?: string; property?: unknown }

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

/** xmllint's verdict on one file: '' when well-formed. */
function xmllint(path: string): string {
  const r = spawnSync('xmllint', ['--noout', path], { encoding: 'utf8' });
  if (r.error) throw new Error(`xmllint is required (apt-get install libxml2-utils): ${r.error}`);
  return r.status === 0 ? '' : r.stderr;
}

function xmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((p) => join(dir, p)).filter((p) => p.endsWith('.xml') && statSync(p).isFile());
}

function bundleKeys(path: string): Set<string> {
  const keys = new Set<string>();
  for (const line of readFileSync(path, 'latin1').split(/\r?\n/)) {
    const m = /^\s*([^#!\s][^=:\s]*)\s*[=:]/.exec(line);
    if (m) keys.add(m[1]);
  }
  return keys;
}

/** The form fields of one node-type config, from the committed XML. */
function formFields(type: string): Array<Record<string, string>> {
  const xml = readFileSync(FORMS_PATH, 'utf8');
  const block = new RegExp(
    `<config evaluator="node-type" condition="${type}">([\\s\\S]*?)</config>`)
    .exec(xml)?.[1] ?? '';
  const firstForm = /<form>([\s\S]*?)<\/form>/.exec(block)?.[1] ?? '';
  return [...firstForm.matchAll(/<field ([^>]*)\/>/g)].map((m) => Object.fromEntries(
    [...m[1].matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]])));
}

describe('share-ui (issue 10: Share forms and protected recordings)', () => {
  it('keeps the committed forms equal to what the model generates', () => {
    expect(readFileSync(FORMS_PATH, 'utf8')).toBe(generateFromRepository());
  });

  it('has well-formed XML everywhere (xmllint)', () => {
    const files = xmlFiles(SRC);
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const f of files) expect(xmllint(f)).withContext(f).toBe('');
  });

  it('has a form for every efr type of the model', () => {
    const model = readFileSync(resolve(repoRoot, 'content-model', 'efr-model.xml'), 'utf8');
    const types = [...model.matchAll(/<type name="(efr:[A-Za-z]+)">/g)].map((m) => m[1]);
    expect(types.length).toBeGreaterThan(10);
    const forms = readFileSync(FORMS_PATH, 'utf8');
    for (const t of types) {
      expect(forms).withContext(t).toContain(`<config evaluator="node-type" condition="${t}">`);
    }
  });

  it('labels every field through keys found in both the en and the zh_CN bundle', () => {
    const bundles = BUNDLES.map(bundleKeys);
    const forms = readFileSync(FORMS_PATH, 'utf8');
    const keys = [...forms.matchAll(/(?:label|help)-id="([^"]+)"/g)].map((m) => m[1]);
    expect(keys.length).toBeGreaterThan(100);
    for (const k of keys) for (const b of bundles) expect(b.has(k)).withContext(k).toBeTrue();
  });

  it('makes capture facts and fixity of a recording read-only (R26.1)', () => {
    expect(READ_ONLY_ASPECTS).toEqual(['efr:captureFacts', 'efr:sealed']);
    const fields = formFields('efr:recording');
    const byId = new Map(fields.map((f) => [f.id, f]));
    for (const id of ['efr:sha256', 'efr:sizeBytes', 'efr:sealedAt', 'efr:sealedBy1',
      'efr:sealedBy2', 'efr:recorder', 'efr:recordingStart', 'efr:recordingEnd', 'efr:source',
      'efr:officer', 'efr:coOfficer', 'efr:deviceSerial', 'efr:activityType']) {
      expect(byId.get(id)?.['read-only']).withContext(id).toBe('true');
    }
    // Not everything: the secrecy level is still set by the custodian.
    expect(byId.get('efr:secrecyLevel')?.['read-only']).toBeUndefined();
  });

  it('never offers an editable fixity field on any form', () => {
    const forms = readFileSync(FORMS_PATH, 'utf8');
    for (const m of forms.matchAll(/<field id="efr:(sha256|sizeBytes)"[^>]*\/>/g)) {
      expect(m[0]).toContain('read-only="true"');
    }
  });

  it('defines every evaluator it names, in its Spring context or among Share\'s own', () => {
    const ootb = JSON.parse(readFileSync(
      resolve(repoRoot, 'share-ui', 'build', 'share-evaluators.json'), 'utf8')).ids as string[];
    const beansDoc = parser.parse(readFileSync(CONTEXT, 'utf8')).beans.bean as Bean[];
    const ours = beansDoc.map((b) => b['@id'] ?? '');
    const known = new Set([...ours, ...ootb]);
    const context = readFileSync(CONTEXT, 'utf8');
    const named = [
      ...[...context.matchAll(/parent="([^"]+)"/g)].map((m) => m[1]),
      ...[...context.matchAll(/<ref bean="([^"]+)"/g)].map((m) => m[1]),
      ...[...readFileSync(EXTENSION, 'utf8').matchAll(/<evaluator[^>]*>([^<]+)</g)]
        .map((m) => m[1].trim()),
    ];
    expect(named.length).toBeGreaterThan(5);
    for (const id of named) expect(known.has(id)).withContext(id).toBeTrue();
  });

  it('hides edit-properties, new version, edit offline, delete and move for recordings', () => {
    const ext = readFileSync(EXTENSION, 'utf8');
    for (const action of ['document-edit-properties', 'document-upload-new-version',
      'document-edit-offline', 'document-delete', 'document-move-to']) {
      expect(ext).withContext(action).toMatch(new RegExp(`<action id="${action}">\\s*` +
        '<evaluator negate="true">evaluator\\.efr\\.doclib\\.isProtectedRecord</evaluator>'));
    }
    // The evaluator is true for efr:recording (node type) and for the efr:sealed aspect.
    const context = readFileSync(CONTEXT, 'utf8');
    const bean = (id: string, parent: string, value: string): RegExp => new RegExp(
      `id="${id}" parent="${parent}">[\\s\\S]*?<value>${value}</value>`);
    expect(context).toMatch(bean('evaluator\\.efr\\.doclib\\.isRecording',
      'evaluator\\.doclib\\.action\\.nodeType', 'efr:recording'));
    expect(context).toMatch(bean('evaluator\\.efr\\.doclib\\.isSealed',
      'evaluator\\.doclib\\.action\\.hasAspect', 'efr:sealed'));
  });

  describe('dist/efr-share.jar', () => {
    let dir: string;
    let entries: string[];
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'efr-share-spec-'));
      entries = buildShareJar(join(dir, 'a.jar'));
      buildShareJar(join(dir, 'b.jar'));
      spawnSync('unzip', ['-q', join(dir, 'a.jar'), '-d', join(dir, 'x')]);
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('holds the expected entries, folders included, manifest first', () => {
      const listed = spawnSync('unzip', ['-Z1', join(dir, 'a.jar')], { encoding: 'utf8' })
        .stdout.trim().split('\n');
      expect(listed).toEqual(entries);
      expect(listed.slice(0, 2)).toEqual(['META-INF/', 'META-INF/MANIFEST.MF']);
      for (const e of ['META-INF/share-config-custom.xml',
        'alfresco/site-data/extensions/efr-share-extension.xml',
        'alfresco/web-extension/',
        'alfresco/web-extension/efr-share-slingshot-application-context.xml',
        'alfresco/web-extension/messages/efr-model.properties',
        'alfresco/web-extension/messages/efr-model_zh_CN.properties']) {
        expect(listed).withContext(e).toContain(e);
      }
    });

    it('is byte-for-byte reproducible', () => {
      expect(readFileSync(join(dir, 'a.jar')).equals(readFileSync(join(dir, 'b.jar')))).toBeTrue();
    });

    it('carries well-formed XML and the model\'s bundles unchanged', () => {
      for (const f of xmlFiles(join(dir, 'x'))) expect(xmllint(f)).withContext(f).toBe('');
      for (const b of BUNDLES) {
        const name = b.split('/').pop() as string;
        expect(readFileSync(join(dir, 'x', 'alfresco', 'web-extension', 'messages', name))
          .equals(readFileSync(b))).withContext(name).toBeTrue();
      }
    });
  });
});
