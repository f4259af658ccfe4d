/**
 * EFR's refusal sentence in the Content App's own messages (issue 17). When the repository
 * refuses one of ACA's own actions (Copy, Move, Delete, …) on an EFR record, it answers with
 * the ACS error body and EFR's rule in its `briefSummary` (`<code> <requirement>: <English> /
 * <中文>`, docs/api.md "Refusals"). ACA 8.0.0 reads only the status of that body and shows a
 * sentence of its own: "You don't have permission…" for 403, "a file with the same name
 * already exists" for a 409 Move, "… couldn't be deleted" (aca-content 8.0.0
 * `ContentManagementService.showCopyMessage`, `getErrorMessage`, `deleteNodesBatch`). It
 * dispatches no store action with the error (no `SnackbarErrorAction` any more): every
 * message goes through ADF's `NotificationService`, and the error body is dropped on the way.
 *
 * So the plugin takes both ends the way ADF extends its own HTTP and notifications: an HTTP
 * interceptor (ADF's own `TokenInterceptor` and `AuthenticationInterceptor` are
 * `HTTP_INTERCEPTORS` too) notes every EFR refusal of the REST API on the way back, and the
 * app's `NotificationService` puts the refusal's sentence, in the interface language, in place
 * of ACA's sentence in the failure message that follows. Hiding the actions for EFR records
 * (efr.plugin.json's rules) stays: this covers what rules cannot see, such as a folder copied
 * or moved with recordings inside.
 */
import { Injectable, Provider, inject } from '@angular/core';
import {
  HTTP_INTERCEPTORS, HttpErrorResponse, HttpEvent, HttpHandler, HttpInterceptor, HttpRequest,
} from '@angular/common/http';
import type { MatSnackBarConfig, MatSnackBarRef } from '@angular/material/snack-bar';
import { NotificationService, TranslationService, UserPreferencesService } from '@alfresco/adf-core';
import { Observable, tap } from 'rxjs';
import { findRefusal } from '../core/src/index';
import { summaryText } from './shared/refusal';

/** How long a refusal waits for the Content App's failure message about it. */
export const REFUSAL_NOTICE_MS = 10_000;

/** The public REST API v1: the calls of ACA's own actions. EFR's screens show their own. */
const REST_API = '/api/-default-/public/alfresco/versions/1/';

/** ADF's snackbar classes of a failure (adf-core 9.0.0 `ERROR_SNACK_CLASS`, `WARN_SNACK_CLASS`). */
const ERROR_SNACK = 'adf-error-snackbar';
const WARNING_SNACK = 'adf-warning-snackbar';

/** An EFR refusal as the repository answered it: the rule's code and the error summary. */
export interface EfrRefusal {
  code: string;
  summary: string;
}

/** The refusals the repository answered lately, until a failure message shows them. */
@Injectable({ providedIn: 'root' })
export class EfrRefusalNotices {
  private seen: { refusal: EfrRefusal; at: number }[] = [];

  /** Notes a refusal the repository answered at `at` (ms). */
  record(refusal: EfrRefusal, at = Date.now()): void {
    this.seen.push({ refusal, at });
  }

  /** The refusals noted in the last REFUSAL_NOTICE_MS, each rule once; forgets them all. */
  take(now = Date.now()): EfrRefusal[] {
    const fresh = this.seen.filter((s) => now - s.at <= REFUSAL_NOTICE_MS).map((s) => s.refusal);
    this.seen = [];
    return fresh.filter((r, i) => fresh.findIndex((o) => o.code === r.code) === i);
  }
}

/**
 * The EFR refusal in an ACS error body as HttpClient hands it (parsed JSON or text), or null:
 * server/ puts the rule's code in `errorKey` ("English / 中文" in `briefSummary`), ACS puts
 * `<code> <requirement>: …` inside the summary of a behaviour's refusal (docs/api.md).
 */
export function efrRefusalOf(body: unknown): EfrRefusal | null {
  let parsed = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body);
    } catch {
      return null;
    }
  }
  const error = (parsed as { error?: { errorKey?: unknown; briefSummary?: unknown } } | null)
    ?.error;
  const summary = typeof error?.briefSummary === 'string' ? error.briefSummary : '';
  if (typeof error?.errorKey === 'string' && error.errorKey.startsWith('efr.')) {
    return { code: error.errorKey, summary };
  }
  const inside = findRefusal(summary);
  return inside ? { code: inside.code, summary } : null;
}

/** Notes every EFR refusal of the REST API (ACA's own calls) in EfrRefusalNotices. */
@Injectable()
export class EfrRefusalInterceptor implements HttpInterceptor {
  private readonly notices = inject(EfrRefusalNotices);

  intercept(req: HttpRequest<unknown>, next: HttpHandler): Observable<HttpEvent<unknown>> {
    if (!req.url.includes(REST_API)) return next.handle(req);
    return next.handle(req).pipe(tap({
      error: (e: unknown) => {
        if (!(e instanceof HttpErrorResponse)) return;
        const refusal = efrRefusalOf(e.error);
        if (refusal) this.notices.record(refusal);
      },
    }));
  }
}

type SnackConfig = Parameters<NotificationService['openSnackMessageAction']>[2];

/**
 * ADF's NotificationService, but a failure message that follows an EFR refusal says the
 * refusal's sentence: in place of ACA's own sentence when everything failed, after it when
 * some items went through (ACA's counts stay).
 */
@Injectable()
export class EfrNotificationService extends NotificationService {
  private readonly notices = inject(EfrRefusalNotices);
  private readonly prefs = inject(UserPreferencesService);
  private readonly texts = inject(TranslationService);

  override showError(message: string, action?: string, interpolateArgs?: unknown,
    showAction = true): MatSnackBarRef<unknown> {
    return super.showError(this.withRefusals(message, interpolateArgs, true), action,
      interpolateArgs, showAction);
  }

  override openSnackMessageAction(message: string, action: string, config?: SnackConfig,
    interpolateArgs?: unknown): MatSnackBarRef<unknown> {
    const classes = typeof config === 'object'
      ? [(config as MatSnackBarConfig).panelClass ?? []].flat() : [];
    const failed = classes.includes(ERROR_SNACK) || classes.includes(WARNING_SNACK);
    return super.openSnackMessageAction(failed
      ? this.withRefusals(message, interpolateArgs, classes.includes(ERROR_SNACK)) : message,
    action, config, interpolateArgs);
  }

  private withRefusals(message: string, args: unknown, instead: boolean): string {
    const refusals = this.notices.take();
    if (refusals.length === 0) return message;
    const sentences = refusals.map((r) => summaryText(r.summary, this.prefs.locale ?? ''))
      .join(' ');
    return instead ? sentences : `${this.texts.instant(message, args)} ${sentences}`;
  }
}

/** The providers of both ends, for the host's root (the Content App, Digital Workspace). */
export function provideEfrRefusalNotices(): Provider[] {
  return [
    { provide: HTTP_INTERCEPTORS, useClass: EfrRefusalInterceptor, multi: true },
    { provide: NotificationService, useClass: EfrNotificationService },
  ];
}
