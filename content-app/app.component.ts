import { Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';

/** The Content App's root: the router decides between the sign-in page and ACA's shell. */
@Component({
  selector: 'app-root',
  imports: [RouterOutlet],
  template: '<router-outlet />',
})
export class ContentAppComponent {}
