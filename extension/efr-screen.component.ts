import {
  Component, ComponentRef, DestroyRef, OnInit, ViewContainerRef, inject, reflectComponentType,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ActivatedRoute } from '@angular/router';
import { combineLatest } from 'rxjs';
import { EFR_SCREENS } from './efr-screens';

/**
 * `efr.screen`, the component every route of `efr.plugin.json` names: the Content App's router
 * mounts one registered component per plugin route (aca-shared 8.0.0
 * `RouterExtensionService.getApplicationRoutes`), so this host loads the screen the route's
 * `data.screen` names as its own lazy chunk and binds the route's path and query parameters to
 * the screen's inputs of the same name, as the lean shell's `withComponentInputBinding()`
 * does.
 */
@Component({ selector: 'efr-screen', template: '' })
export class EfrScreenComponent implements OnInit {
  private readonly route = inject(ActivatedRoute);
  private readonly host = inject(ViewContainerRef);
  private readonly destroyRef = inject(DestroyRef);

  /** Loads the screen, then keeps its inputs in step with the URL. */
  async ngOnInit(): Promise<void> {
    const load = EFR_SCREENS[String(this.route.snapshot.data['screen'] ?? '')];
    if (!load) throw new Error(`efr.screen: no screen "${this.route.snapshot.data['screen']}"`);
    const type = await load();
    const ref: ComponentRef<unknown> = this.host.createComponent(type);
    const inputs = new Set(reflectComponentType(type)?.inputs.map((i) => i.templateName) ?? []);
    combineLatest([this.route.params, this.route.queryParams])
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(([params, query]) => {
        const values: Record<string, unknown> = { ...query, ...params };
        for (const name of inputs) ref.setInput(name, values[name]);
      });
  }
}
