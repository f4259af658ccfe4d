import { TestBed } from '@angular/core/testing';
import { HttpClient, provideHttpClient, withInterceptorsFromDi } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { MatSnackBar } from '@angular/material/snack-bar';
import { NoopTranslateModule, NotificationService, UserPreferencesService } from '@alfresco/adf-core';
import { firstValueFrom } from 'rxjs';
import {
  EfrNotificationService, EfrRefusalNotices, REFUSAL_NOTICE_MS, efrRefusalOf,
  provideEfrRefusalNotices,
} from './efr-refusal-notices';

/** EFR's sentence in ACA's own failure messages (issue 17). */
describe('EFR refusals in the Content App\'s messages (issue 17)', () => {
  const COPY = '/alfresco/api/-default-/public/alfresco/versions/1/nodes/n1/copy';
  const NO_COPY = {
    error: {
      errorKey: 'efr.recording.noCopy', statusCode: 403,
      briefSummary: 'A recording is not copied. / 录像不得复制。',
    },
  };

  it('finds the refusal in server/\'s body, in a real ACS\'s summary, and nowhere else', () => {
    expect(efrRefusalOf(NO_COPY)).toEqual({ code: 'efr.recording.noCopy',
      summary: 'A recording is not copied. / 录像不得复制。' });
    expect(efrRefusalOf(JSON.stringify(NO_COPY))?.code).toBe('efr.recording.noCopy');
    const acs = { error: { errorKey: 'framework.exception.ApiDefault', statusCode: 500,
      briefSummary: "11070003 Failed to execute script 'recording.js': 11070002 Error: "
        + 'efr.recording.sealedContent R26.1: Sealed. / 已封存。 (recording.js#812)' } };
    expect(efrRefusalOf(acs)?.code).toBe('efr.recording.sealedContent');
    expect(efrRefusalOf({ error: { errorKey: 'framework.exception.NameClash', statusCode: 409,
      briefSummary: 'Duplicate child name not allowed: a.mp4' } })).toBeNull();
    expect(efrRefusalOf('<html>Bad gateway</html>')).toBeNull();
    expect(efrRefusalOf(null)).toBeNull();
  });

  it('keeps a refusal for one message: each rule once, none older than the window', () => {
    const notices = new EfrRefusalNotices();
    const r = { code: 'efr.recording.noCopy', summary: 'x / 甲' };
    notices.record(r, 1000);
    notices.record(r, 1200);
    notices.record({ code: 'efr.recording.retained', summary: 'y / 乙' }, 1300);
    expect(notices.take(1400).map((n) => n.code))
      .toEqual(['efr.recording.noCopy', 'efr.recording.retained']);
    expect(notices.take(1500)).toEqual([]);
    notices.record(r, 0);
    expect(notices.take(REFUSAL_NOTICE_MS + 1)).toEqual([]);
  });

  describe('in an app with the plugin\'s providers', () => {
    let http: HttpClient;
    let backend: HttpTestingController;
    let opened: string[];

    beforeEach(() => {
      TestBed.configureTestingModule({
        imports: [NoopTranslateModule],
        providers: [
          provideNoopAnimations(),
          provideHttpClient(withInterceptorsFromDi()),
          provideHttpClientTesting(),
          ...provideEfrRefusalNotices(),
        ],
      });
      http = TestBed.inject(HttpClient);
      backend = TestBed.inject(HttpTestingController);
      opened = [];
      spyOn(TestBed.inject(MatSnackBar), 'openFromComponent').and.callFake(((_c: unknown,
        config: { data: { message: string } }) => {
        opened.push(config.data.message);
        return {} as never;
      }) as never);
    });

    afterEach(() => backend.verify());

    /** ACA's copy call, refused with `body` and `status`. */
    async function refusedCopy(body: object, status: number): Promise<void> {
      const done = firstValueFrom(http.post(COPY, {})).catch(() => undefined);
      backend.expectOne(COPY).flush(body, { status, statusText: 'Refused' });
      await done;
    }

    it('is the app\'s NotificationService', () => {
      expect(TestBed.inject(NotificationService)).toEqual(jasmine.any(EfrNotificationService));
    });

    it('says the refusal\'s sentence in place of ACA\'s, in the interface language', async () => {
      const prefs = TestBed.inject(UserPreferencesService);
      spyOnProperty(prefs, 'locale', 'get').and.returnValue('zh-CN');
      const notifications = TestBed.inject(NotificationService);
      await refusedCopy(NO_COPY, 403);
      notifications.openSnackMessageAction('1 项目无法复制。', '',
        { panelClass: 'adf-error-snackbar' });
      await refusedCopy(NO_COPY, 403);
      notifications.showError('APP.MESSAGES.ERRORS.PERMISSION');
      expect(opened).toEqual(['录像不得复制。', '录像不得复制。']);
    });

    it('adds the sentence after ACA\'s counts when some items went through', async () => {
      spyOnProperty(TestBed.inject(UserPreferencesService), 'locale', 'get').and.returnValue('en');
      await refusedCopy(NO_COPY, 403);
      TestBed.inject(NotificationService).openSnackMessageAction('Copied 1 item, 1 failed.', '',
        { panelClass: 'adf-warning-snackbar' });
      expect(opened).toEqual(['Copied 1 item, 1 failed. A recording is not copied.']);
    });

    it('leaves ACA\'s message alone without an EFR refusal, and success messages always',
      async () => {
        const notifications = TestBed.inject(NotificationService);
        await refusedCopy({ error: { errorKey: 'framework.exception.NameClash',
          statusCode: 409, briefSummary: 'Duplicate child name not allowed' } }, 409);
        notifications.showError('APP.MESSAGES.ERRORS.NODE_MOVE');
        await refusedCopy(NO_COPY, 403);
        notifications.openSnackMessageAction('Copied 1 item', 'Undo',
          { panelClass: 'adf-info-snackbar' });
        expect(opened).toEqual(['APP.MESSAGES.ERRORS.NODE_MOVE', 'Copied 1 item']);
      });
  });
});
