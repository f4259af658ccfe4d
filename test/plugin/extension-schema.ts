import { Type, type TSchema } from '@sinclair/typebox';

/**
 * The format of an ADF extension file (`app.extensions.json`, `*.plugin.json`) as a JSON
 * schema, written from the types `@alfresco/adf-extensions` 9.0.0 ships (index.d.ts:
 * `ExtensionRef`, `RuleRef`/`RuleParameter`, `RouteRef`, `ActionRef`, `ContentActionRef`,
 * `NavBarGroupRef`/`NavBarLinkRef`, `SidebarTabRef`, `ViewerExtensionRef`) and the feature keys
 * ACA 8.0.0's `AppExtensionService` reads (aca-shared: `features.navbar`, `create`, `toolbar`,
 * `contextMenu`, `viewer.toolbarActions`; adf-extensions' `viewer.extensions`; `sidebar.tabs`, `sidebar.toolbar`,
 * `badges`). No extension schema ships in node_modules (`find node_modules/@alfresco -name
 * '*.schema.json'` finds only adf-core's `app.config.schema.json`): aca-content's JSON files
 * name `"$schema": "../../../extension.schema.json"`, a path into ACA's source tree, where
 * `extension.schema.json` sits at the root of github.com/Alfresco/alfresco-content-app. That
 * file is narrower than what ACA 8.0.0 runs: it allows only a string for `rules.visible` and
 * for an action's `payload`, while aca-content 8.0.0's own `app.extensions.json` gives 95
 * `visible` lists (aca-shared `filterVisible` takes `Array.isArray(action.rules.visible)` as
 * all of them) and plugin payloads are expressions or objects (`ActionRef.payload: any`). So
 * this schema is ours, kept to the shipped types and runtime, and ACA's own extension file
 * must pass it too (efr-plugin.spec.ts).
 * Elements that override an ACA element by id (merged by ADF's `mergeArrays`) carry only
 * what they change, so only `id` is required of them.
 */

/** A rule's `visible`/`enabled` value: a rule id or evaluator key, or a list of them (all). */
const RuleValue = Type.Union([Type.String({ minLength: 1 }), Type.Array(Type.String({ minLength: 1 }))]);
const Rules = Type.Record(Type.String(), RuleValue);
const Id = Type.String({ pattern: '^[A-Za-z0-9_.-]+$' });

const RuleParameter: TSchema = Type.Recursive((self) => Type.Object({
  type: Type.Union([Type.Literal('rule'), Type.Literal('value'), Type.Literal('argument')]),
  value: Type.Any(),
  parameters: Type.Optional(Type.Array(self)),
}, { additionalProperties: false }));

const RuleRef = Type.Object({
  id: Id,
  type: Type.String({ minLength: 1 }),
  parameters: Type.Optional(Type.Array(RuleParameter)),
}, { additionalProperties: false });

const RouteRef = Type.Object({
  id: Id,
  path: Type.String(),
  component: Type.String({ minLength: 1 }),
  parentRoute: Type.Optional(Type.String()),
  layout: Type.Optional(Type.String()),
  auth: Type.Optional(Type.Array(Type.String())),
  data: Type.Optional(Type.Record(Type.String(), Type.String())),
}, { additionalProperties: false });

const ActionRef = Type.Object({
  id: Id,
  type: Type.String({ minLength: 1 }),
  payload: Type.Optional(Type.Any()),
}, { additionalProperties: false });

const ContentActionType = Type.Union(['default', 'button', 'separator', 'menu', 'custom']
  .map((t) => Type.Literal(t)));

/** `ContentActionRef`: `type` is required of a new action, not of an override. */
const ContentAction: TSchema = Type.Recursive((self) => Type.Object({
  id: Id,
  type: Type.Optional(ContentActionType),
  order: Type.Optional(Type.Number()),
  disabled: Type.Optional(Type.Boolean()),
  title: Type.Optional(Type.String()),
  tooltip: Type.Optional(Type.String()),
  description: Type.Optional(Type.String()),
  comment: Type.Optional(Type.String()),
  // ACA's create menu: the tooltip when the rule `enabled` fails.
  'description-disabled': Type.Optional(Type.String()),
  icon: Type.Optional(Type.String()),
  children: Type.Optional(Type.Array(self)),
  component: Type.Optional(Type.String()),
  data: Type.Optional(Type.Any()),
  color: Type.Optional(Type.String()),
  actions: Type.Optional(Type.Record(Type.String(), Type.String())),
  rules: Type.Optional(Rules),
}, { additionalProperties: false }));

const NavBarLink: TSchema = Type.Recursive((self) => Type.Object({
  id: Id,
  order: Type.Optional(Type.Number()),
  disabled: Type.Optional(Type.Boolean()),
  // The d.ts says required; ACA's own navbar omits them on component items and
  // passes `data` to them (aca-content 8.0.0 app.extensions.json).
  icon: Type.Optional(Type.String()),
  title: Type.Optional(Type.String()),
  route: Type.Optional(Type.String()),
  data: Type.Optional(Type.Any()),
  provider: Type.Optional(Type.String()),
  component: Type.Optional(Type.String()),
  url: Type.Optional(Type.String()),
  description: Type.Optional(Type.String()),
  children: Type.Optional(Type.Array(self)),
  rules: Type.Optional(Rules),
}, { additionalProperties: false }));

const NavBarGroup = Type.Object({
  id: Id,
  order: Type.Optional(Type.Number()),
  disabled: Type.Optional(Type.Boolean()),
  items: Type.Array(NavBarLink),
  rules: Type.Optional(Rules),
}, { additionalProperties: false });

const SidebarTab = Type.Object({
  id: Id,
  order: Type.Optional(Type.Number()),
  disabled: Type.Optional(Type.Boolean()),
  // Required of a new tab; an override of one of ACA's tabs carries only what it changes.
  title: Type.Optional(Type.String()),
  component: Type.Optional(Type.String()),
  icon: Type.Optional(Type.String()),
  rules: Type.Optional(Rules),
}, { additionalProperties: false });

const ViewerExtension = Type.Object({
  id: Id,
  order: Type.Optional(Type.Number()),
  disabled: Type.Optional(Type.Boolean()),
  fileExtension: Type.Union([Type.String(), Type.Array(Type.String())]),
  component: Type.String(),
  rules: Type.Optional(Rules),
}, { additionalProperties: false });

/** A badge (ACA `features.badges`: an icon with a tooltip, or a component, by rule). */
const Badge = Type.Object({
  id: Id,
  order: Type.Optional(Type.Number()),
  icon: Type.Optional(Type.String()),
  tooltip: Type.Optional(Type.String()),
  component: Type.Optional(Type.String()),
  actions: Type.Optional(Type.Record(Type.String(), Type.String())),
  rules: Type.Object({ visible: Type.String() }),
}, { additionalProperties: false });

/** An ADF extension file (`ExtensionConfig`). */
export const ExtensionSchema = Type.Object({
  $schema: Type.Optional(Type.String()),
  $id: Id,
  $name: Type.String({ minLength: 1 }),
  $version: Type.String({ pattern: '^\\d+\\.\\d+\\.\\d+' }),
  $vendor: Type.String({ minLength: 1 }),
  $license: Type.String({ minLength: 1 }),
  $runtime: Type.Optional(Type.String()),
  $description: Type.Optional(Type.String()),
  $dependencies: Type.Optional(Type.Array(Type.String())),
  $references: Type.Optional(Type.Array(Type.String())),
  $ignoreReferenceList: Type.Optional(Type.Array(Type.String())),
  appConfig: Type.Optional(Type.Any()),
  rules: Type.Optional(Type.Array(RuleRef)),
  routes: Type.Optional(Type.Array(RouteRef)),
  actions: Type.Optional(Type.Array(ActionRef)),
  features: Type.Optional(Type.Object({
    navbar: Type.Optional(Type.Array(NavBarGroup)),
    create: Type.Optional(Type.Array(ContentAction)),
    toolbar: Type.Optional(Type.Array(ContentAction)),
    contextMenu: Type.Optional(Type.Array(ContentAction)),
    header: Type.Optional(Type.Array(ContentAction)),
    viewer: Type.Optional(Type.Object({
      toolbarActions: Type.Optional(Type.Array(ContentAction)),
      openWith: Type.Optional(Type.Array(ContentAction)),
      extensions: Type.Optional(Type.Array(ViewerExtension)),
      shared: Type.Optional(Type.Object({
        toolbarActions: Type.Optional(Type.Array(ContentAction)),
      }, { additionalProperties: false })),
    }, { additionalProperties: false })),
    sidebar: Type.Optional(Type.Object({
      toolbar: Type.Optional(Type.Array(ContentAction)),
      tabs: Type.Optional(Type.Array(SidebarTab)),
    }, { additionalProperties: false })),
    badges: Type.Optional(Type.Array(Badge)),
  }, { additionalProperties: false })),
}, { additionalProperties: false });
