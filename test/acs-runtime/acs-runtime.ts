// The ACS-like script runtime (test/acs-runtime/java, on Debian's Rhino) as the specs use it:
// compiles it once per source version, lays the built module JAR out (what ships), reads the
// module's behaviour bindings from its Spring context and the log levels ACS would apply, and
// runs one driver (test/acs-runtime/drivers) on a JSON input in a JVM.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { buildModule, MODULE_PREFIX } from '../../behaviors/build/build-module.mjs';
import { NAMESPACES } from '../../behaviors/src/lib/model-names.js';
import { readModelFile } from '../../content-model/src/model-reader.js';
import { EFR_MODEL_FILE } from '../../content-model/src/model-set.js';

/** Debian's Rhino (package rhino), the engine ACS embeds (1.7.14 up to ACS 25.3). */
export const RHINO_JAR = '/usr/share/java/rhino.jar';
const HERE = import.meta.dirname;
const JAVA_DIR = join(HERE, 'java');
const DRIVERS = join(HERE, 'drivers');
/** Where Surf's ClassPathStore finds extension web scripts (webscripts.store.client.extension). */
export const WEBSCRIPT_ROOT = 'alfresco/extension/templates/webscripts';

function javaSources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) out.push(...javaSources(abs));
    else if (name.endsWith('.java')) out.push(abs);
  }
  return out;
}

let classes: string | null = null;

/** Compiles the runtime (once per version of its sources) and answers its class folder. */
export function runtimeClasses(): string {
  if (classes !== null) return classes;
  const sources = javaSources(JAVA_DIR);
  const hash = createHash('sha256');
  for (const s of sources) hash.update(relative(JAVA_DIR, s)).update(readFileSync(s));
  const dir = join(tmpdir(), `efr-acsrt-${hash.digest('hex').slice(0, 16)}`);
  if (!existsSync(join(dir, 'org', 'efr', 'acsrt', 'Main.class'))) {
    const tmp = mkdtempSync(join(tmpdir(), 'efr-acsrt-build-'));
    const r = spawnSync('javac', ['-nowarn', '-Xlint:-options', '-encoding', 'UTF-8', '-d', tmp,
      '-cp', RHINO_JAR, ...sources], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`javac failed: ${r.stderr}${r.stdout}`);
    mkdirSync(dir, { recursive: true });
    spawnSync('cp', ['-r', `${tmp}/.`, dir]);
    rmSync(tmp, { recursive: true, force: true });
  }
  classes = dir;
  return dir;
}

/** A ClassPolicyRegistration of the module: policy (local name), class `{uri}local`, script. */
export interface Binding {
  policy: string;
  className: string;
  location: string;
  /** AssociationPolicyRegistration only: the association type, `*` for every one. */
  assocType?: string;
}

/** What of the built module JAR the runtime needs. */
export interface ModuleParts {
  /** The laid-out JAR. */
  dir: string;
  /** Script location (as ACS names it) → file. */
  scripts: Record<string, string>;
  bindings: Binding[];
  /** The log4j2 levels ACS would apply: its packaged defaults, then the module's own file. */
  logLevels: Record<string, string>;
  /** The module's audit model files (efr-audit.xml), which the runtime's audit loads. */
  auditModels: string[];
}

type XmlNode = Record<string, unknown>;
const asList = (v: unknown): XmlNode[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]) as XmlNode[];

/** The behaviour bindings declared by the module's Spring context files. */
export function readBindings(contextXml: string[]): Binding[] {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_' });
  const beans: XmlNode[] = [];
  for (const xml of contextXml) beans.push(...asList((parser.parse(xml) as XmlNode & { beans: XmlNode }).beans?.bean));
  const scriptOf = new Map<string, string>();
  for (const b of beans) {
    if (b['@_class'] !== 'org.alfresco.repo.jscript.ScriptBehaviour') continue;
    const loc = asList(b.property).find((p) => p['@_name'] === 'location');
    const arg = (loc?.bean as XmlNode | undefined)?.['constructor-arg'] as XmlNode | undefined;
    if (arg && typeof arg['@_value'] === 'string') scriptOf.set(String(b['@_id']), arg['@_value']);
  }
  const out: Binding[] = [];
  const REGISTRATIONS = ['org.alfresco.repo.policy.registration.ClassPolicyRegistration',
    'org.alfresco.repo.policy.registration.AssociationPolicyRegistration'];
  for (const b of beans) {
    if (!REGISTRATIONS.includes(String(b['@_class']))) continue;
    const isAssoc = b['@_class'] === REGISTRATIONS[1];
    const props = asList(b.property);
    const prop = (name: string): XmlNode | undefined => props.find((p) => p['@_name'] === name);
    const className = String(prop('className')?.['@_value']);
    const location = scriptOf.get(String(prop('behaviour')?.['@_ref']));
    if (location === undefined) throw new Error(`no ScriptBehaviour for ${String(b['@_id'])}`);
    const single = prop('policyName')?.['@_value'];
    const many = asList((prop('policyNames')?.list as XmlNode | undefined)?.value).map(String);
    const assocType = prop('associationType')?.['@_value'];
    for (const p of single !== undefined ? [String(single)] : many) {
      out.push({ policy: p.substring(p.indexOf('}') + 1), className, location,
        ...(isAssoc ? { assocType: assocType === undefined ? '*' : String(assocType) } : {}) });
    }
  }
  return out;
}

/** log4j2 `logger.<id>.name` / `.level` pairs (and `rootLogger.level`) of a properties text. */
export function readLogLevels(text: string): Record<string, string> {
  const names = new Map<string, string>();
  const levels = new Map<string, string>();
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^\s*logger\.([^.=\s]+)\.(name|level)\s*=\s*(\S+)\s*$/.exec(line);
    if (m) (m[2] === 'name' ? names : levels).set(m[1], m[3]);
    const root = /^\s*rootLogger\.level\s*=\s*(\S+)\s*$/.exec(line);
    if (root) out.root = root[1];
  }
  for (const [id, name] of names) if (levels.has(id)) out[name] = levels.get(id) as string;
  return out;
}

/** ACS's packaged log levels the module's lines depend on (behaviors/data/acs-runtime.json). */
export function acsLogLevels(): Record<string, string> {
  const catalogue = JSON.parse(readFileSync(resolve(HERE, '../../behaviors/data/acs-runtime.json'), 'utf8')) as {
    logLevels: { levels: Record<string, string> };
  };
  return catalogue.logLevels.levels;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) out.push(...listFiles(abs));
    else out.push(abs);
  }
  return out;
}

let parts: Promise<ModuleParts> | null = null;

/** Builds the module JAR once per process and reads what the runtime needs from it. */
export function moduleParts(): Promise<ModuleParts> {
  if (parts === null) {
    parts = (async () => {
      const dir = mkdtempSync(join(tmpdir(), 'efr-module-'));
      process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
      const { jar } = await buildModule({ jar: join(dir, 'efr-repo.jar') });
      const out = join(dir, 'jar');
      const r = spawnSync('unzip', ['-q', '-o', jar, '-d', out], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`unzip failed: ${r.stderr}`);
      const scripts: Record<string, string> = {};
      for (const f of listFiles(out).filter((x) => x.endsWith('.js'))) {
        const path = relative(out, f);
        // ClasspathScriptLocation#toString is the path; Surf names a store's script by its path.
        scripts[path.startsWith(WEBSCRIPT_ROOT) ? `classpath*:${path}` : path] = f;
      }
      const contextDir = join(out, MODULE_PREFIX, 'context');
      const contexts = readdirSync(contextDir).filter((f) => f.endsWith('.xml'))
        .map((f) => readFileSync(join(contextDir, f), 'utf8'));
      const moduleLog = join(out, MODULE_PREFIX, 'log4j2.properties');
      const logLevels = { ...acsLogLevels(),
        ...(existsSync(moduleLog) ? readLogLevels(readFileSync(moduleLog, 'utf8')) : {}) };
      // ACS's audit model search path: classpath*:alfresco/module/*/audit/*.xml
      // (behaviors/data/acs-module-loading.json, "audit-models").
      const auditModels = listFiles(out).filter((f) =>
        /^alfresco\/module\/[^/]+\/audit\/[^/]+\.xml$/.test(relative(out, f)));
      return { dir: out, scripts, bindings: readBindings(contexts), logLevels, auditModels };
    })();
  }
  return parts;
}

/** The dictionary the runtime gets: ACS's classes the module meets, then the EFR model. */
export interface ModelInput {
  namespaces: Record<string, string>;
  classes: {
    name: string;
    parent?: string;
    mandatoryAspects?: string[];
    /** Peer associations: whether a target is mandatory and enforced, whether many. */
    associations?: { name: string; targetMandatoryEnforced: boolean; targetMany: boolean }[];
  }[];
  properties: {
    name: string;
    type: string;
    multiple?: boolean;
    aspect?: string;
    owner?: string;
    mandatoryEnforced?: boolean;
    default?: string;
  }[];
}

/** cm:/sys: classes and properties of ACS's contentModel.xml and systemModel.xml the module meets. */
const ACS_CLASSES: ModelInput['classes'] = [
  { name: 'sys:base' },
  { name: 'cm:cmobject', parent: 'sys:base', mandatoryAspects: ['cm:auditable'] },
  { name: 'cm:folder', parent: 'cm:cmobject' }, { name: 'cm:content', parent: 'cm:cmobject' },
  { name: 'cm:person', parent: 'sys:base' }, { name: 'cm:authority', parent: 'sys:base' },
  { name: 'cm:authorityContainer', parent: 'cm:authority' },
  { name: 'cm:titled' }, { name: 'cm:auditable' }, { name: 'cm:ownable' }, { name: 'cm:versionable' },
  // contentModel.xml cm:thumbnail (renditions), downloadModel.xml, quickShareModel.xml.
  { name: 'cm:thumbnail', parent: 'cm:content' }, { name: 'cm:workingcopy' },
  { name: 'download:download', parent: 'cm:content' }, { name: 'qshare:shared' },
];
const ACS_PROPERTIES: ModelInput['properties'] = [
  { name: 'cm:name', type: 'd:text', owner: 'cm:cmobject', mandatoryEnforced: true }, { name: 'cm:userName', type: 'd:text' },
  { name: 'cm:firstName', type: 'd:text' }, { name: 'cm:lastName', type: 'd:text' },
  { name: 'cm:organization', type: 'd:text' },
  { name: 'cm:authorityName', type: 'd:text' },
  { name: 'cm:title', type: 'd:mltext', aspect: 'cm:titled', owner: 'cm:titled' },
  { name: 'cm:description', type: 'd:mltext', aspect: 'cm:titled', owner: 'cm:titled' },
  { name: 'cm:created', type: 'd:datetime', aspect: 'cm:auditable' },
  { name: 'cm:creator', type: 'd:text', aspect: 'cm:auditable' },
  { name: 'cm:modified', type: 'd:datetime', aspect: 'cm:auditable' },
  { name: 'cm:modifier', type: 'd:text', aspect: 'cm:auditable' },
  { name: 'cm:owner', type: 'd:text', aspect: 'cm:ownable' },
  { name: 'cm:content', type: 'd:content' },
];

let model: ModelInput | null = null;

/** The dictionary input (built once). */
export function modelInput(): ModelInput {
  if (model !== null) return model;
  const efr = readModelFile(EFR_MODEL_FILE);
  const classes = [...ACS_CLASSES];
  const properties = [...ACS_PROPERTIES];
  for (const c of [...efr.types, ...efr.aspects]) {
    classes.push({ name: c.name, parent: c.parent, mandatoryAspects: c.mandatoryAspects,
      associations: c.associations.filter((a) => !a.isChild).map((a) => ({ name: a.name,
        targetMandatoryEnforced: a.targetMandatory && a.targetMandatoryEnforced,
        targetMany: a.targetMany })) });
    for (const p of c.properties) {
      properties.push({ name: p.name, type: p.type, multiple: p.multiple,
        aspect: c.isAspect ? c.name : undefined, owner: c.name,
        mandatoryEnforced: p.mandatory && p.mandatoryEnforced, default: p.defaultValue });
    }
  }
  model = { namespaces: { ...NAMESPACES, app: 'http://www.alfresco.org/model/application/1.0',
    download: 'http://www.alfresco.org/model/download/1.0',
    qshare: 'http://www.alfresco.org/model/qshare/1.0' },
    classes, properties };
  return model;
}

/**
 * Runs `driver` (a file of drivers/, after common.js) on `input` plus the module's scripts,
 * bindings, log levels and the dictionary; answers the JSON of the last line it printed.
 */
export async function runDriver<T>(driver: string, input: Record<string, unknown>): Promise<T> {
  const mod = await moduleParts();
  const tmp = mkdtempSync(join(tmpdir(), 'efr-acsrt-input-'));
  try {
    const file = join(tmp, 'input.json');
    writeFileSync(file, JSON.stringify({ model: modelInput(), scripts: mod.scripts,
      bindings: mod.bindings, logLevels: mod.logLevels, auditModels: mod.auditModels, ...input }));
    const r = spawnSync('java', ['-cp', `${runtimeClasses()}:${RHINO_JAR}`,
      'org.efr.acsrt.Main', join(DRIVERS, 'common.js'), join(DRIVERS, driver), '--', file],
    { encoding: 'utf8', timeout: 180_000, maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`acs-runtime failed (${r.status}): ${r.stderr}${r.stdout}`);
    const lines = r.stdout.trim().split('\n');
    return JSON.parse(lines[lines.length - 1]) as T;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
