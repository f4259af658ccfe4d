import { TestBed } from '@angular/core/testing';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { AppConfigService, UserPreferencesService } from '@alfresco/adf-core';
import { firstValueFrom } from 'rxjs';
import { EfrTranslateLoader } from './efr-translate-loader';

describe('EfrTranslateLoader (issue 20: one language at a time, cacheable files)', () => {
  const config = { isLoaded: false };
  const prefs = { locale: 'zh-CN' };
  let loader: EfrTranslateLoader;
  let http: HttpTestingController;

  beforeEach(() => {
    config.isLoaded = false;
    prefs.locale = 'zh-CN';
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        EfrTranslateLoader,
        { provide: AppConfigService, useValue: config },
        { provide: UserPreferencesService, useValue: prefs },
      ],
    });
    loader = TestBed.inject(EfrTranslateLoader);
    loader.registerProvider('efr-app', 'assets/efr-app');
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('fetches nothing before app.config.json has named the language', async () => {
    expect(await firstValueFrom(loader.getTranslation('zh-CN'))).toEqual({});
    http.expectNone(() => true);
  });

  it('fetches only the user\'s language, without a cache-defeating query', async () => {
    config.isLoaded = true;
    expect(await firstValueFrom(loader.getTranslation('en'))).toEqual({});
    http.expectNone(() => true);

    const zh = firstValueFrom(loader.getTranslation('zh-CN'));
    http.expectOne('assets/adf-core/i18n/zh-CN.json').flush({ CORE: { OK: '确定' } });
    http.expectOne('assets/efr-app/i18n/zh-CN.json').flush({ EFR_APP: { TITLE: '档案' } });
    expect(await zh).toEqual({ CORE: { OK: '确定' }, EFR_APP: { TITLE: '档案' } });

    // The user switches to English: now, and only now, the English files come.
    prefs.locale = 'en';
    const en = firstValueFrom(loader.getTranslation('en'));
    http.expectOne('assets/adf-core/i18n/en.json').flush({ CORE: { OK: 'OK' } });
    http.expectOne('assets/efr-app/i18n/en.json').flush({ EFR_APP: { TITLE: 'Archive' } });
    expect(await en).toEqual({ CORE: { OK: 'OK' }, EFR_APP: { TITLE: 'Archive' } });
  });

  it('falls back to the base language file when a bundle has no regional one', async () => {
    config.isLoaded = true;
    prefs.locale = 'zh-TW';
    loader.registerProvider('efr-x', 'assets/efr-x');
    const result = firstValueFrom(loader.getTranslation('zh-TW'));
    http.expectOne('assets/adf-core/i18n/zh-TW.json').flush({ CORE: { OK: '確定' } });
    http.expectOne('assets/efr-app/i18n/zh-TW.json').flush({ EFR_APP: { TITLE: '檔案' } });
    const missing = { status: 404, statusText: 'Not Found' };
    for (let attempt = 0; attempt < 4; attempt++) {
      http.expectOne('assets/efr-x/i18n/zh-TW.json').flush(null, missing);
    }
    http.expectOne('assets/efr-x/i18n/zh.json').flush({ EFR_X: { A: '甲' } });
    expect((await result) as Record<string, unknown>).toEqual(
      { CORE: { OK: '確定' }, EFR_APP: { TITLE: '檔案' }, EFR_X: { A: '甲' } });
  });
});
