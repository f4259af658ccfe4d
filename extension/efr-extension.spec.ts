import { TestBed } from '@angular/core/testing';
import { provideHttpClient } from '@angular/common/http';
import {
  ContentActionRef, ExtensionConfig, ExtensionService, RuleContext, mergeObjects,
} from '@alfresco/adf-extensions';
import plugin from './efr.plugin.json';
import aca from '../node_modules/@alfresco/aca-content/assets/app.extensions.json';
import { EFR_COMPONENTS, registerEfrExtension } from './efr-extension.providers';
import { ruleContextFor } from './efr-extension.rules';
import { EfrRole } from './shared/roles.rules';
import { ADMIN_USER, userWith } from './shared/mock/users.mock';

/**
 * The plugin in ADF's own extension service (issue 17): what the Content App does with it,
 * merged into ACA 8.0.0's shipped extension file the way ADF merges plugins.
 */
describe('EFR plugin in ADF\'s ExtensionService (issue 17)', () => {
  let extensions: ExtensionService;

  const node = (nodeType: string, aspectNames: string[] = [], properties = {}) =>
    ({ entry: { id: 'n1', nodeType, aspectNames, properties, isFile: true } });
  const SEALED = node('efr:recording', ['efr:sealed'], { 'efr:sealedAt': '2026-05-01T08:00:00Z' });
  const ON_HOLD_DOC = node('cm:content', ['efr:legalHold']);
  const PLAIN = node('cm:content');

  /** A context with `selected` selected, for `user`, as ACA's AppExtensionService gives it. */
  function contextWith(selected: unknown[], user = userWith('u1', EfrRole.Officer)): RuleContext {
    const base = ruleContextFor(user, (key) => extensions.getEvaluator(key));
    return { ...base, selection: { count: selected.length, nodes: selected, libraries: [],
      isEmpty: selected.length === 0, first: selected[0] } } as unknown as RuleContext;
  }

  /** The rules of an action's `visible` (all must pass: ACA `filterVisible`). */
  const visibleRules = (action: ContentActionRef | undefined): string[] =>
    [action?.rules?.['visible'] ?? []].flat();

  /**
   * Whether EFR's rules of an action pass. ACA's own evaluators (aca-content) are not loaded
   * here; that they still apply is checked on the merged list itself.
   */
  function shows(action: ContentActionRef | undefined, context: RuleContext): boolean {
    return visibleRules(action).filter((rule) => rule.replace(/^!/, '').startsWith('efr.'))
      .every((rule) => extensions.evaluateRule(rule, context));
  }

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient()] });
    extensions = TestBed.inject(ExtensionService);
    registerEfrExtension(extensions);
    extensions.setup(mergeObjects(aca, plugin) as ExtensionConfig);
  });

  it('registers every component the plugin names', () => {
    const named = [...JSON.stringify(plugin).matchAll(/"component": ?"([^"]+)"/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThan(6);
    for (const id of named) expect(EFR_COMPONENTS[id]).withContext(id).toBeDefined();
  });

  it('offers none of ACA\'s forbidden actions on a sealed recording or a held node', () => {
    const menu = extensions.getElements<ContentActionRef>('features.contextMenu');
    const forbidden = ['share', 'download', 'toggleLock', 'uploadNodeVersion', 'move', 'copy',
      'link', 'delete', 'versions', 'aspects', 'permissions'];
    const acaMenu = aca.features.contextMenu as ContentActionRef[];
    for (const id of forbidden) {
      const action = menu.find((a) => a.id.endsWith(`.${id}`));
      expect(action).withContext(id).toBeDefined();
      // Merged by id: EFR's rule joins ACA's own, which still decide for other documents.
      const own = visibleRules(acaMenu.find((a) => a.id === action?.id));
      expect(visibleRules(action)).toEqual([...own, '!efr.selection.hasEfrRecord']);
      expect(shows(action, contextWith([SEALED]))).withContext(`${id} sealed`).toBeFalse();
      expect(shows(action, contextWith([ON_HOLD_DOC]))).withContext(`${id} hold`).toBeFalse();
      expect(shows(action, contextWith([PLAIN, SEALED]))).withContext(`${id} mixed`).toBeFalse();
      expect(shows(action, contextWith([PLAIN]))).withContext(`${id} plain`).toBeTrue();
    }
    const more = extensions.getElements<ContentActionRef>('features.toolbar')
      .find((a) => a.id === 'app.toolbar.more')?.children ?? [];
    expect(shows(more.find((a) => a.id === 'app.toolbar.delete'), contextWith([SEALED])))
      .toBeFalse();
  });

  it('offers EFR\'s actions on recordings by role, and requests viewing of the selection', () => {
    const menu = extensions.getElements<ContentActionRef>('features.contextMenu');
    const action = (id: string) => menu.find((a) => a.id === `efr.context.${id}`);
    const officer = contextWith([SEALED]);
    expect(shows(action('requestViewing'), officer)).toBeTrue();
    expect(shows(action('placeHold'), officer)).toBeFalse();
    expect(shows(action('custody'), officer)).toBeFalse();
    const supervisor = contextWith([SEALED], userWith('s1', EfrRole.Supervisor));
    expect(shows(action('placeHold'), supervisor)).toBeTrue();
    expect(shows(action('custody'), supervisor)).toBeTrue();
    expect(shows(action('requestViewing'), contextWith([PLAIN], ADMIN_USER))).toBeFalse();
    const request = extensions.getActionById('efr.action.requestViewing');
    expect(extensions.runExpression(request.payload, { selection: { first: SEALED } }))
      .toBe('/approvals/new?recordingId=n1');
  });

  it('shows the recording tabs and badges by type and aspect', () => {
    const tabs = extensions.getElements<{ id: string; rules: { visible: string } }>(
      'features.sidebar.tabs').filter((t) => t.id.startsWith('efr.'));
    expect(tabs.length).toBe(6);
    expect(tabs.every((t) => extensions.evaluateRule(t.rules.visible, contextWith([SEALED]))))
      .toBeTrue();
    expect(tabs.some((t) => extensions.evaluateRule(t.rules.visible, contextWith([PLAIN]))))
      .toBeFalse();
    const sealed = extensions.getEvaluator('efr.node.isSealed');
    expect(sealed(contextWith([]), SEALED)).toBeTrue();
    // Every recording carries efr:sealed from creation; only efr:sealedAt means sealed.
    expect(sealed(contextWith([]), node('efr:recording', ['efr:sealed']))).toBeFalse();
  });
});
