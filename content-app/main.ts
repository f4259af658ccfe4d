import { bootstrapApplication } from '@angular/platform-browser';
import { ContentAppComponent } from './app.component';
import { contentAppConfig } from './app.config';

bootstrapApplication(ContentAppComponent, contentAppConfig).catch((err: unknown) =>
  console.error(err),
);
