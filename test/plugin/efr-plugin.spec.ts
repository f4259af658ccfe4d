/**
 * efr.plugin.json (issue 17): valid as an ADF extension file, every rule, evaluator, action and
 * route it names defined, and every ACA element it overrides present in the Content App it is
 * made for (@alfresco/aca-content 8.0.0), so that an ACA upgrade that renames an action fails
 * here instead of showing the action on a sealed recording again.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Value } from '@sinclair/typebox/value';
import { ExtensionSchema } from './extension-schema.js';
import { EFR_EVALUATORS } from '../../extension/efr-extension.rules.js';
import { EFR_SCREENS } from '../../extension/efr-screens.js';
import { guessMimeType } from '../../server/src/repo/mimetypes.js';

const root = resolve(import.meta.dirname, '../..');
const readJson = (path: string) => JSON.parse(readFileSync(resolve(root, path), 'utf8'));
const plugin = readJson('extension/efr.plugin.json');
const aca = readJson('node_modules/@alfresco/aca-content/assets/app.extensions.json');

interface Element { id?: string; type?: string; value?: unknown; route?: string;
  component?: string; children?: Element[]; items?: Element[]; parameters?: Element[];
  actions?: Record<string, string>; rules?: Record<string, string | string[]> }

/** Every object with an `id` under `value`, with the feature path it sits at. */
function elements(value: unknown, path = ''): { path: string; el: Element }[] {
  if (Array.isArray(value)) return value.flatMap((v) => elements(v, path));
  if (!value || typeof value !== 'object') return [];
  const el = value as Element;
  const own = typeof el.id === 'string' ? [{ path, el }] : [];
  return [...own, ...Object.entries(el).flatMap(([k, v]) =>
    (typeof v === 'object' ? elements(v, ['children', 'items'].includes(k) ? path : `${path}.${k}`) : []))];
}

const CORE = ['core.every', 'core.some', 'core.not'];
const ruleIds = new Set<string>((plugin.rules ?? []).map((r: Element) => r.id ?? ''));
const evaluator = (key: string) => key.replace(/^!/, '');

describe('efr.plugin.json (issue 17)', () => {
  it('is an ADF extension file (the types @alfresco/adf-extensions 9.0.0 ships)', () => {
    const errors = [...Value.Errors(ExtensionSchema, plugin)].map((e) => `${e.path} ${e.message}`);
    expect(errors).toEqual([]);
  });

  it('uses a schema that the Content App\'s own extension file passes too', () => {
    const keys = ['navbar', 'create', 'toolbar', 'contextMenu', 'badges', 'sidebar'];
    const features = Object.fromEntries(Object.entries(aca.features).filter(([k]) => keys.includes(k)));
    const errors = [...Value.Errors(ExtensionSchema, { ...aca, $references: [], features })];
    expect(errors.map((e) => `${e.path} ${e.message}`)).toEqual([]);
  });

  it('builds its rules from registered evaluators only (core.* look up evaluators)', () => {
    const keys = (params: Element[] = []): string[] => params.flatMap((p) =>
      [String(p.value), ...keys(p.parameters)]);
    for (const rule of plugin.rules as Element[]) {
      for (const key of [rule.type ?? '', ...keys(rule.parameters)]) {
        expect(CORE.includes(key) || evaluator(key) in EFR_EVALUATORS)
          .withContext(`${rule.id}: ${key}`).toBeTrue();
      }
    }
  });

  it('names only its own rules or evaluators in features, and only its own actions', () => {
    const actionIds = new Set((plugin.actions as Element[]).map((a) => a.id));
    for (const { el } of elements(plugin.features)) {
      for (const value of Object.values(el.rules ?? {}).flat()) {
        expect(ruleIds.has(value) || evaluator(value) in EFR_EVALUATORS)
          .withContext(`${el.id}: ${value}`).toBeTrue();
      }
      const click = el.actions?.['click'];
      if (click) expect(actionIds.has(click)).withContext(el.id ?? '').toBeTrue();
    }
  });

  it('badges name evaluators (ACA evaluates a badge rule as an evaluator, with the node)', () => {
    for (const badge of plugin.features.badges as Element[]) {
      expect(String(badge.rules?.['visible']) in EFR_EVALUATORS).withContext(badge.id ?? '').toBeTrue();
    }
  });

  it('routes every navbar entry to one of its routes, each an EFR screen', () => {
    const routes = new Map((plugin.routes as (Element & { data: { screen: string } })[])
      .map((r) => [r.id, r]));
    for (const { el } of elements(plugin.features.navbar)) {
      if (el.route) expect(routes.has(el.route)).withContext(el.id ?? '').toBeTrue();
    }
    for (const route of routes.values()) {
      expect(route.component).toBe('efr.screen');
      expect(route.data.screen in EFR_SCREENS).withContext(route.id ?? '').toBeTrue();
    }
  });

  it('overrides only ACA elements that exist, at the same place in the Content App', () => {
    const acaAt = new Set(elements(aca.features).map(({ path, el }) => `${path}#${el.id}`));
    const overrides = elements(plugin.features).filter(({ el }) => el.id?.startsWith('app.'));
    expect(overrides.length).toBeGreaterThan(30);
    const acaEl = new Map(elements(aca.features).map(({ path, el }) => [`${path}#${el.id}`, el]));
    for (const { path, el } of overrides) {
      const own = acaEl.get(`${path}#${el.id}`);
      expect(own).withContext(`${path}#${el.id}`).toBeDefined();
      // ADF's mergeObjects concatenates two lists of rules but replaces a single rule id:
      // an override adds its rule to ACA's only where ACA's is a list (or absent).
      const visible = own?.rules?.['visible'];
      expect(visible === undefined || Array.isArray(visible)).withContext(el.id ?? '').toBeTrue();
    }
  });

  it('hides ACA\'s forbidden actions on EFR records wherever ACA offers them', () => {
    // Share, Download, Edit Offline (lock), Upload New Version, Move, Copy, Create Link,
    // Delete, Manage Versions, Edit Aspects, Permissions, Print: every id ACA gives them.
    const forbidden = /\.(share|download|toggleLock|uploadNodeVersion|move|copy|link|delete|versions|aspects|permissions|print)$/;
    const hiding = new Set(elements(plugin.features)
      .filter(({ el }) => [el.rules?.['visible']].flat().includes('!efr.selection.hasEfrRecord'))
      .map(({ path, el }) => `${path}#${el.id}`));
    const offered = elements(aca.features)
      .filter(({ path, el }) => forbidden.test(el.id ?? '') && !/Library|Folder/i.test(el.id ?? '')
        && !path.startsWith('.create') && !path.startsWith('.bulk-actions'));
    expect(offered.length).toBeGreaterThan(30);
    for (const { path, el } of offered) {
      expect(hiding.has(`${path}#${el.id}`)).withContext(`${path}#${el.id}`).toBeTrue();
    }
  });

  it('sends every recording the repository stores (audio, video) to EFR\'s viewer', () => {
    // ADF chooses a viewer extension by file extension alone (adf-core 9.0.0
    // ViewUtilService.getViewerTypeByExtension): each extension the repository gives an audio or
    // video mimetype must be listed, or that recording opens in ADF's ungated media player.
    const [viewer] = plugin.features.viewer.extensions as { id: string; component: string;
      fileExtension: string[] }[];
    const media = ['mp4', 'm4v', 'm4a', 'mov', 'avi', 'mkv', 'webm', 'mp3', 'wav', 'aac', 'ogg',
      'flv', 'wmv', '3gp', 'mpg', 'mpeg', 'amr', 'flac']
      .filter((ext) => /^(audio|video)\//.test(guessMimeType(`x.${ext}`, 'application/octet-stream')));
    expect(media.length).toBeGreaterThan(5);
    expect([...viewer.fileExtension].sort()).toEqual([...media].sort());
    expect(viewer.component).toBe('efr.recording.viewer');
    const providers = readFileSync(resolve(root, 'extension/efr-extension.providers.ts'), 'utf8');
    expect(providers).toContain(`'${viewer.component}': RecordingViewerComponent`);
  });
});
