import { inject } from '@angular/core';
import { Routes } from '@angular/router';
import { AuthGuardEcm } from '@alfresco/adf-core';
import { EFR_FEATURE_ROUTES } from '../../../extension/shared/public-api';
import { currentUserGuard } from '../auth/current-user.guard';
import { NotFoundUiComponent } from '../errors/not-found.ui-component';
import { LayoutSmartComponent } from '../layout/layout.smart-component';
import { provideEfrShell, shellApiReady } from './shell.providers';

/**
 * The signed-in shell, loaded after sign-in (app.routes.ts): the layout, with every feature's
 * routes inside it (each provideXxxExtension() contributes EFR_FEATURE_ROUTES).
 */
export const SHELL_ROUTES: Routes = [
  {
    path: '',
    component: LayoutSmartComponent,
    providers: provideEfrShell(),
    canMatch: [shellApiReady],
    canActivate: [AuthGuardEcm, currentUserGuard],
    // Runs in this route's injection context, so every provideXxxExtension() contributes.
    loadChildren: () => [
      { path: '', pathMatch: 'full', redirectTo: 'dashboard' },
      ...(inject(EFR_FEATURE_ROUTES, { optional: true })?.flat() ?? []),
      { path: '**', component: NotFoundUiComponent },
    ],
  },
];
