import type { EnvironmentProviders, Provider } from '@angular/core';

/**
 * No plugin: the Content App as ACA ships it, built by the benchmark (`npm run bench`,
 * `EFR_BENCH_ONLY=plugin`) to measure what the EFR plugin adds to the first load.
 */
export const CONTENT_APP_PLUGINS: (Provider | EnvironmentProviders)[] = [];
