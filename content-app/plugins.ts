import { provideEfrExtension } from '@efr/aca-extension';

/**
 * The plugins of this Content App: the EFR plugin, installed from the tarball of
 * `npm run build:plugin`. The benchmark builds the app once more without it
 * (`without-plugins` in angular.json, plugins.none.ts) to measure what it adds.
 */
export const CONTENT_APP_PLUGINS = [provideEfrExtension()];
