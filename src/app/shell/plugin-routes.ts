import { Routes } from '@angular/router';
import type { RouteRef } from '@alfresco/adf-extensions';
import { EFR_SCREENS } from '../../../extension/public-api';

/**
 * `shell.pluginRoutes`: the plugin's routes as the lean shell mounts them, inside its layout:
 * each `efr.screen` route loads the screen its `data.screen` names as a lazy chunk (issue 20),
 * with path and query parameters bound to the screen's inputs (`withComponentInputBinding`).
 * A route naming another component or an unknown screen is not EFR's: the lean shell skips it.
 */
export function pluginRoutes(refs: readonly RouteRef[]): Routes {
  return refs.flatMap((ref) => {
    const load = ref.component === 'efr.screen' ? EFR_SCREENS[ref.data?.['screen'] ?? ''] : null;
    return load ? [{ path: ref.path, loadComponent: load }] : [];
  });
}
