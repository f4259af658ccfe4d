import { Provider, Type } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { NoopTranslateModule } from '@alfresco/adf-core';

/**
 * For specs of routed screens: navigates to `url` with `component` mounted at `path` (query
 * parameters bound to inputs, as the app binds them), translations as keys, animations off,
 * and `providers` (the mocked services); answers the harness once the screen is stable.
 */
export async function openRouted<T>(
  url: string,
  path: string,
  component: Type<T>,
  providers: Provider[],
): Promise<RouterTestingHarness> {
  TestBed.configureTestingModule({
    imports: [NoopTranslateModule],
    providers: [
      provideNoopAnimations(),
      provideRouter([{ path, component }], withComponentInputBinding()),
      ...providers,
    ],
  });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(url, component);
  await settleRouted(harness);
  return harness;
}

/** Lets the screen finish what a click or a navigation started, then renders it. */
export async function settleRouted(harness: RouterTestingHarness): Promise<void> {
  await harness.fixture.whenStable();
  harness.detectChanges();
}

/** The screen's element. */
export function routedElement(harness: RouterTestingHarness): HTMLElement {
  return harness.routeNativeElement as HTMLElement;
}
