import { Routes } from '@angular/router';
import { LoginSmartComponent } from './login.smart-component';

/**
 * The routes outside ACA's shell. ACA's own screens come with `CONTENT_LAYOUT_ROUTES` (in the
 * shell, app.config.ts), its viewer and shared-link routes with `ContentServiceExtensionModule`,
 * and EFR's screens with efr.plugin.json (mounted by ACA's `RouterExtensionService`).
 */
export const CONTENT_APP_ROUTES: Routes = [
  { path: 'login', component: LoginSmartComponent, data: { title: 'APP.SIGN_IN' } },
];
