import { Component, inject } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { AppService } from '@alfresco/aca-shared';

/**
 * The Content App's root: the router decides between the sign-in page and ACA's shell. ACA's
 * `AppService.init()` (aca-shared 8.0.0) is what ACA's own root component calls: it mounts the
 * plugins' routes (RouterExtensionService) before the first navigation, reads the repository's
 * discovery and the user's profile into the store, and sends an expired session to sign-in.
 */
@Component({
  selector: 'app-root',
  imports: [RouterOutlet],
  template: '<router-outlet />',
})
export class ContentAppComponent {
  constructor() {
    inject(AppService).init();
  }
}
