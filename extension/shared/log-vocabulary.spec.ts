import { TestBed } from '@angular/core/testing';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';
import {
  RefusalPipe,
  articleText,
  chineseNumber,
  logActionKey,
  refusalKey,
} from './log-vocabulary';

describe('log vocabulary (issue 19, point 7: no raw codes on the screens)', () => {
  it('writes article numbers as the regulation does', () => {
    expect(chineseNumber(1)).toBe('一');
    expect(chineseNumber(10)).toBe('十');
    expect(chineseNumber(19)).toBe('十九');
    expect(chineseNumber(24)).toBe('二十四');
    expect(chineseNumber(30)).toBe('三十');
    expect(articleText('R25.1', 'zh-CN')).toBe('第二十五条');
    expect(articleText('R24', 'zh-CN')).toBe('第二十四条');
    expect(articleText('R19.1', 'en')).toBe('Article 19');
    expect(articleText('efr.x', 'zh-CN')).toBe('');
    expect(articleText(undefined, 'zh-CN')).toBe('');
  });

  it('keys logged actions without nesting on their dots', () => {
    expect(logActionKey('view.start')).toBe('EFR_SHARED.LOG_ACTION.view_start');
    expect(logActionKey('spotCheck.finding.done')).toBe(
      'EFR_SHARED.LOG_ACTION.spotCheck_finding_done',
    );
  });

  it('issue 19, point 3: says why by the glossary sentence, else the stored text', () => {
    TestBed.configureTestingModule({ providers: [provideTranslateService()] });
    const translate = TestBed.inject(TranslateService);
    translate.setTranslation('zh-CN', {
      EFR_SHARED: {
        REFUSAL: { efr_recording_sealedContent: '录像已封存，原始内容和固定信息不得删节、修改。' },
      },
    });
    translate.use('zh-CN');
    const pipe = TestBed.runInInjectionContext(() => new RefusalPipe());
    expect(refusalKey('efr.recording.sealedContent')).toBe(
      'EFR_SHARED.REFUSAL.efr_recording_sealedContent',
    );
    expect(pipe.transform('efr.recording.sealedContent', '')).toBe(
      '录像已封存，原始内容和固定信息不得删节、修改。',
    );
    expect(pipe.transform('efr.recording.other', '存储的中文说明。')).toBe('存储的中文说明。');
    expect(pipe.transform('', '')).toBe('');
  });
});
