import { inject } from '@angular/core';
import { Routes } from '@angular/router';
import { AuthGuardEcm } from '@alfresco/adf-core';
import { ExtensionService } from '@alfresco/adf-extensions';
import { workListRedirect } from '../../../extension/dashboard/public-api';
import { currentUserGuard } from '../auth/current-user.guard';
import { NotFoundUiComponent } from '../errors/not-found.ui-component';
import { LayoutSmartComponent } from '../layout/layout.smart-component';
import { ShellPlugin, provideEfrShell, shellApiReady } from './shell.providers';
import { pluginRoutes } from './plugin-routes';

/**
 * The signed-in shell, loaded after sign-in (app.routes.ts): the layout, with the routes of
 * efr.plugin.json inside it, read through ADF's `ExtensionService` once the plugin is loaded.
 */
export const SHELL_ROUTES: Routes = [
  {
    path: '',
    component: LayoutSmartComponent,
    providers: provideEfrShell(),
    canMatch: [shellApiReady],
    canActivate: [AuthGuardEcm, currentUserGuard],
    // Runs in this route's injection context (inject before the first await).
    loadChildren: async () => {
      const plugin = inject(ShellPlugin);
      const extensions = inject(ExtensionService);
      await plugin.ready;
      return [
        { path: '', pathMatch: 'full', redirectTo: 'dashboard' },
        ...pluginRoutes(extensions.routes),
        // Bookmarks of the generic work list of earlier releases (a redirect function: code).
        { path: 'dashboard/work/:tileId', redirectTo: workListRedirect },
        { path: '**', component: NotFoundUiComponent },
      ];
    },
  },
];
