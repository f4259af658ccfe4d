import { Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';

/** Root: everything lives in routes (login, the signed-in layout, error pages). */
@Component({
  selector: 'efr-root',
  imports: [RouterOutlet],
  template: '<router-outlet />',
})
export class AppComponent {}
