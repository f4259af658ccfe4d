import {
  DOCUMENT, EnvironmentProviders, Provider, Type, inject, provideAppInitializer,
} from '@angular/core';
import {
  ExtensionService, provideExtensionConfig, provideExtensions,
} from '@alfresco/adf-extensions';
import { provideEffects } from '@ngrx/effects';
import {
  loadFeatureTranslations, provideEfrApi, provideEfrDates, provideEfrSharedTranslations,
} from './shared/public-api';
import { provideDashboardExtension } from './dashboard/public-api';
import { provideRecordingsExtension } from './recordings/public-api';
import { provideCasesExtension } from './cases/public-api';
import { provideHandoverExtension } from './handover/public-api';
import { provideDevicesExtension } from './devices/public-api';
import { provideExemptionsExtension } from './exemptions/public-api';
import { provideApprovalsExtension } from './approvals/public-api';
import { providePlaybackExtension } from './playback/public-api';
import { provideEvidenceDiscExtension } from './evidence-disc/public-api';
import { provideSpotChecksExtension } from './spot-checks/public-api';
import { provideDispositionExtension } from './disposition/public-api';
import { provideFixityExtension } from './fixity/public-api';
import { RECORDING_TABS } from './recordings/detail/recording-tabs';
import { RecordingViewerComponent } from './recordings/viewer/recording-viewer.component';
import { placeHoldEffect } from './approvals/hold/place-hold.effects';
import { EfrScreenComponent } from './efr-screen.component';
import { EfrNavbarComponent, EfrNavbarSource } from './efr-navbar.component';
import { EFR_EVALUATORS } from './efr-extension.rules';
import { provideEfrRefusalNotices } from './efr-refusal-notices';

/** The plugin file, as the host's `app.extensions.json` lists it in `$references`. */
export const EFR_PLUGIN_FILE = 'efr.plugin.json';

/** EFR's global classes in the package's assets (extension/shared/efr.css). */
export const EFR_STYLESHEET = 'assets/efr/efr.css';

/**
 * Links EFR's global stylesheet into the host's page once (relative to its base href): the
 * screens' shared classes travel with the plugin's assets, so a host adds no style entry.
 */
export function linkEfrStylesheet(doc: Document): void {
  if (doc.head.querySelector(`link[href="${EFR_STYLESHEET}"]`)) return;
  const link = doc.createElement('link');
  link.rel = 'stylesheet';
  link.href = EFR_STYLESHEET;
  doc.head.append(link);
}

/** Every component `efr.plugin.json` names, by id. */
export const EFR_COMPONENTS: Readonly<Record<string, Type<unknown>>> = {
  'efr.screen': EfrScreenComponent,
  'efr.navbar': EfrNavbarComponent,
  ...RECORDING_TABS,
  'efr.recording.viewer': RecordingViewerComponent,
};

/**
 * The services and translations of every EFR feature. They reach the repository through
 * ADF's `AlfrescoApiService`, so they are provided where that client is: at the root of the
 * Content App, on the signed-in route of the lean shell.
 */
export function provideEfrFeatures(): Provider[] {
  return [
    provideEfrApi(),
    provideEfrSharedTranslations(),
    provideEfrDates(),
    provideDashboardExtension(),
    provideRecordingsExtension(),
    provideCasesExtension(),
    provideHandoverExtension(),
    provideDevicesExtension(),
    provideExemptionsExtension(),
    provideApprovalsExtension(),
    providePlaybackExtension(),
    provideEvidenceDiscExtension(),
    provideSpotChecksExtension(),
    provideDispositionExtension(),
    provideFixityExtension(),
  ];
}

/**
 * Registers EFR's components and evaluators with ADF's extension service directly: for a host
 * that provides the plugin after start-up (the lean shell, on its signed-in route), where
 * `provideExtensions()`'s app initializer would never run.
 */
export function registerEfrExtension(extensions: ExtensionService): void {
  extensions.setComponents({ ...EFR_COMPONENTS });
  extensions.setEvaluators(EFR_EVALUATORS);
}

/**
 * The EFR plugin for an ADF application's root providers (the Alfresco Content App, Digital
 * Workspace): the services, the plugin file, its components and evaluators, the features'
 * translations and the effect that handles the plugin's own store action. The host's `assets/app.extensions.json` lists `efr.plugin.json` in its
 * `$references` (ADF reads `provideExtensionConfig`'s names only when that list is empty).
 */
export function provideEfrExtension(): (Provider | EnvironmentProviders)[] {
  return [
    ...provideEfrFeatures(),
    provideExtensionConfig([EFR_PLUGIN_FILE]),
    ...provideExtensions({ components: { ...EFR_COMPONENTS }, evaluators: EFR_EVALUATORS }),
    provideAppInitializer(() => {
      linkEfrStylesheet(inject(DOCUMENT));
      loadFeatureTranslations();
      inject(EfrNavbarSource); // copies the navbar before ACA's side navigation filters it
    }),
    // The plugin's own store actions (`efr.action.placeHold`), dispatched by the Content App.
    provideEffects({ placeHoldEffect }),
    // EFR's sentence in ACA's own failure messages when the repository refuses its actions.
    ...provideEfrRefusalNotices(),
  ];
}
