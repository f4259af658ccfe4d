// `npm run build:share`: packs the EFR Share module into dist/efr-share.jar, a plain JAR that
// goes into Share's WEB-INF/lib (Share needs no module.properties or file-mapping.properties
// for a JAR: those belong to AMPs and to repository modules). Contents:
//   META-INF/MANIFEST.MF
//   META-INF/share-config-custom.xml                   forms, generated from the model
//   alfresco/site-data/extensions/efr-share-extension.xml   Surf extension module
//   alfresco/web-extension/efr-share-slingshot-application-context.xml   evaluators, bundles
//   alfresco/web-extension/messages/efr-model*.properties  the model's labels (en, zh_CN)
// The same sources always give the same bytes: every entry has a fixed timestamp, entries are
// added in sorted order, and zip's extra fields (owner ids, extended times) are left out, so a
// rebuild can be compared with a deployed JAR.
//
//   node share-ui/build/build-share.mjs [--out <path>]
import { spawnSync } from 'node:child_process';
import {
  chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FORMS_PATH, generateFromRepository } from './generate-forms.mjs';

const root = resolve(import.meta.dirname, '..', '..');
const SOURCE = resolve(root, 'share-ui', 'src');
const BUNDLES = resolve(root, 'content-model', 'messages');
/** Where `npm run build:share` writes the JAR. */
export const DEFAULT_OUT = resolve(root, 'dist', 'efr-share.jar');
/** The timestamp of every entry (zip stores local time: the build runs zip with TZ=UTC). */
const FIXED_TIME = new Date('2026-01-01T00:00:00Z');

/** Every path under `dir` (folders with a trailing slash), relative to it, sorted. */
function listTree(dir) {
  const out = [];
  const walk = (abs) => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      const path = join(abs, entry.name);
      if (entry.isDirectory()) {
        out.push(`${relative(dir, path)}/`);
        walk(path);
      } else {
        out.push(relative(dir, path));
      }
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * Builds the JAR.
 * @param {string} out the JAR to write
 * @returns {string[]} the entries written, in order
 */
export function buildShareJar(out = DEFAULT_OUT) {
  if (readFileSync(FORMS_PATH, 'utf8') !== generateFromRepository()) {
    throw new Error('share-ui/src/META-INF/share-config-custom.xml is out of date with the ' +
      'model: run node share-ui/build/generate-forms.mjs --write');
  }
  const stage = mkdtempSync(join(tmpdir(), 'efr-share-jar-'));
  try {
    cpSync(SOURCE, stage, { recursive: true });
    const messages = join(stage, 'alfresco', 'web-extension', 'messages');
    mkdirSync(messages, { recursive: true });
    for (const name of readdirSync(BUNDLES).filter((n) => /^efr-model.*\.properties$/.test(n))) {
      cpSync(join(BUNDLES, name), join(messages, name));
    }
    const version = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')).version;
    writeFileSync(join(stage, 'META-INF', 'MANIFEST.MF'), [
      'Manifest-Version: 1.0',
      'Implementation-Title: efr-share',
      `Implementation-Version: ${version}`,
      'Created-By: share-ui/build/build-share.mjs',
      '', '',
    ].join('\r\n'));
    // Folder entries are kept: Spring's classpath*: lookups find a JAR's folders only through
    // them (alfresco/web-extension/*-context.xml would be missed otherwise).
    const entries = listTree(stage);
    const ordered = ['META-INF/', 'META-INF/MANIFEST.MF',
      ...entries.filter((e) => e !== 'META-INF/' && e !== 'META-INF/MANIFEST.MF')];
    // Modes and times as fixed as the contents: a checkout's umask must not change the bytes.
    for (const e of [...ordered].reverse()) {
      chmodSync(join(stage, e), e.endsWith('/') ? 0o755 : 0o644);
      utimesSync(join(stage, e), FIXED_TIME, FIXED_TIME);
    }
    mkdirSync(dirname(out), { recursive: true });
    rmSync(out, { force: true });
    const r = spawnSync('zip', ['-X', '-q', '-9', out, '-@'], {
      cwd: stage,
      input: ordered.join('\n'),
      env: { ...process.env, TZ: 'UTC' },
      encoding: 'utf8',
    });
    if (r.error) throw new Error(`zip could not run (apt-get install zip): ${r.error.message}`);
    if (r.status !== 0) throw new Error(`zip failed (${r.status}): ${r.stderr}`);
    return ordered;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const at = process.argv.indexOf('--out');
  const out = at > 0 ? resolve(process.argv[at + 1]) : DEFAULT_OUT;
  const entries = buildShareJar(out);
  console.log(`${relative(root, out)}: ${entries.length} entries`);
}
