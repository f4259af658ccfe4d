import { TestBed } from '@angular/core/testing';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';
import { EfrApiService } from './efr-api.service';
import { PeopleDirectoryService } from './people-directory.service';
import { createEfrApiMock } from './mock/efr-api.mock';

describe('PeopleDirectoryService', () => {
  it('shows the id first, then the display name, asking the API once per id', async () => {
    const api = createEfrApiMock();
    api.people.listPeople.and.rejectWith(new Error('403'));
    api.people.getPerson.and.callFake(async (id: unknown) => {
      if (id === 'officer1') return { entry: { id, displayName: '王 明' } };
      throw new Error('404');
    });
    TestBed.configureTestingModule({ providers: [{ provide: EfrApiService, useValue: api }] });
    const people = TestBed.inject(PeopleDirectoryService);

    expect(people.nameOf('officer1')).toBe('officer1');
    expect(people.nameOf('gone')).toBe('gone');
    await new Promise((resolve) => setTimeout(resolve));
    expect(people.nameOf('officer1')).toBe('王明');
    expect(people.nameOf('gone')).toBe('gone');
    expect(api.people.getPerson).toHaveBeenCalledTimes(2);
  });

  // Issue 19: a detail page showing an act of the repository itself (an expiry) asked the
  // People API for "System" (404 in the console) and showed the English id.
  it("names the repository's own account without looking it up", async () => {
    const api = createEfrApiMock();
    TestBed.configureTestingModule({
      providers: [{ provide: EfrApiService, useValue: api }, provideTranslateService()],
    });
    const translate = TestBed.inject(TranslateService);
    translate.setTranslation('zh-CN', { EFR_SHARED: { COMMON: { SYSTEM: '系统' } } });
    translate.use('zh-CN');
    const people = TestBed.inject(PeopleDirectoryService);
    expect(people.nameOf('System')).toBe('系统');
    await new Promise((resolve) => setTimeout(resolve));
    expect(api.people.getPerson).not.toHaveBeenCalled();
    expect(api.people.listPeople).not.toHaveBeenCalled();
  });

  // Issue 19: the access log and its CSV named ACS's built-in administrator "Administrator"
  // on a Chinese screen; an administrator account given a person's name keeps that name.
  it("names ACS's administrator in the reader's language while it has ACS's name", async () => {
    const api = createEfrApiMock();
    api.people.listPeople.and.resolveTo({
      list: { entries: [{ entry: { id: 'admin', firstName: 'Administrator' } }] },
    });
    TestBed.configureTestingModule({
      providers: [{ provide: EfrApiService, useValue: api }, provideTranslateService()],
    });
    const translate = TestBed.inject(TranslateService);
    translate.setTranslation('zh-CN', { EFR_SHARED: { COMMON: { ADMIN: '系统管理员' } } });
    translate.setTranslation('en', { EFR_SHARED: { COMMON: { ADMIN: 'Administrator' } } });
    translate.use('zh-CN');
    const people = TestBed.inject(PeopleDirectoryService);
    people.nameOf('admin');
    await new Promise((resolve) => setTimeout(resolve));
    expect(people.nameOf('admin')).toBe('系统管理员');
    translate.use('en');
    expect(people.nameOf('admin')).toBe('Administrator');
  });

  it('keeps the name an installation gave its administrator account', async () => {
    const api = createEfrApiMock();
    api.people.listPeople.and.resolveTo({
      list: { entries: [{ entry: { id: 'admin', firstName: '张', lastName: '丽' } }] },
    });
    TestBed.configureTestingModule({
      providers: [{ provide: EfrApiService, useValue: api }, provideTranslateService()],
    });
    const translate = TestBed.inject(TranslateService);
    translate.setTranslation('zh-CN', { EFR_SHARED: { COMMON: { ADMIN: '系统管理员' } } });
    translate.use('zh-CN');
    const people = TestBed.inject(PeopleDirectoryService);
    people.nameOf('admin');
    await new Promise((resolve) => setTimeout(resolve));
    expect(people.nameOf('admin')).toBe('张丽');
  });

  it('searches the directory by name, id or job title, reading it once (issue 19)', async () => {
    const api = createEfrApiMock();
    api.people.listPeople.and.resolveTo({
      list: {
        entries: [
          { entry: { id: 'officer1', firstName: '王', lastName: '明', jobTitle: '执法人员' } },
          { entry: { id: 'leader1', firstName: '赵', lastName: '国华', jobTitle: '局分管领导' } },
          { entry: { id: 'alice', firstName: 'Alice', lastName: 'Smith' } },
        ],
      },
    });
    TestBed.configureTestingModule({ providers: [{ provide: EfrApiService, useValue: api }] });
    const people = TestBed.inject(PeopleDirectoryService);

    expect(await people.search('国华')).toEqual([
      { id: 'leader1', name: '赵国华', detail: '局分管领导' },
    ]);
    expect((await people.search('officer')).map((p) => p.name)).toEqual(['王明']);
    expect((await people.search('smith')).map((p) => p.name)).toEqual(['Alice Smith']);
    expect((await people.search('')).length).toBe(3);
    expect(people.nameOf('leader1')).toBe('赵国华');
    expect(api.people.listPeople).toHaveBeenCalledTimes(1);
  });

  it('names every id of a screen from one directory read', async () => {
    const api = createEfrApiMock();
    api.people.listPeople.and.resolveTo({
      list: { entries: [{ entry: { id: 'officer1', firstName: '王', lastName: '明' } }] },
    });
    api.people.getPerson.and.rejectWith(new Error('404'));
    TestBed.configureTestingModule({ providers: [{ provide: EfrApiService, useValue: api }] });
    const people = TestBed.inject(PeopleDirectoryService);
    people.nameOf('officer1');
    people.nameOf('ghost');
    await new Promise((resolve) => setTimeout(resolve));
    expect(people.nameOf('officer1')).toBe('王明');
    expect(people.nameOf('ghost')).toBe('ghost');
    expect(api.people.listPeople).toHaveBeenCalledTimes(1);
    expect(api.people.getPerson).toHaveBeenCalledOnceWith('ghost');
  });
});
