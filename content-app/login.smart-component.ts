import { Component } from '@angular/core';
import { LoginComponent } from '@alfresco/adf-core';

/**
 * The Content App's sign-in: ADF's login form (tickets API), then ACA's Personal Files. ACA
 * 8.0.0 publishes no login page of its own on npm (its app keeps it), so this is the app's.
 */
@Component({
  selector: 'app-login',
  imports: [LoginComponent],
  template: `<adf-login
    successRoute="/personal-files"
    [showRememberMe]="false"
    [showLoginActions]="false"
    logoImageUrl="favicon.svg"
    copyrightText="© 执法全过程记录档案 EFR"
  />`,
})
export class LoginSmartComponent {}
