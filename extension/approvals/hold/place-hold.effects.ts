import { inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { tap } from 'rxjs';
import { PlaceHoldData, PlaceHoldSmartComponent } from './place-hold.smart-component';

/** The store action of efr.plugin.json's `efr.action.placeHold` (payload: a recording id). */
export const PLACE_HOLD_ACTION = 'EFR_PLACE_HOLD';

/**
 * Opens the hold dialog when the Content App runs `efr.action.placeHold`: ACA dispatches a
 * plugin action's `type` with its evaluated `payload` to its ngrx store (aca-shared 8.0.0
 * `AppExtensionService.runActionById`), so a plugin handles its own actions as effects.
 */
export const placeHoldEffect = /* @__PURE__ */ createEffect(
  (actions = inject(Actions), dialog = inject(MatDialog)) =>
    actions.pipe(
      ofType(PLACE_HOLD_ACTION),
      tap((action: { payload?: unknown }) => {
        const ids = [action.payload].flat().filter((id): id is string => typeof id === 'string');
        if (ids.length === 0) return;
        dialog.open<PlaceHoldSmartComponent, PlaceHoldData>(PlaceHoldSmartComponent,
          { data: { recordingIds: ids }, width: '480px' });
      }),
    ),
  { functional: true, dispatch: false },
);
