/**
 * The EFR plugin: `provideEfrExtension()` for an ADF application (with `efr.plugin.json` in
 * its `assets/plugins/`), the screens and evaluators for EFR's own lean shell.
 */
export * from './efr-extension.providers';
export * from './efr-extension.rules';
export * from './efr-screens';
export * from './efr-screen.component';
export * from './efr-navbar.rules';
export * from './efr-navbar.component';
