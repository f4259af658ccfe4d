import { TestBed } from '@angular/core/testing';
import { EfrApiService } from './efr-api.service';
import { PeopleDirectoryService, compactName } from './people-directory.service';
import { createEfrApiMock } from './mock/efr-api.mock';

describe('PeopleDirectoryService', () => {
  it('shows the id first, then the display name, asking the API once per id', async () => {
    const api = createEfrApiMock();
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

  it('joins Chinese names and keeps Latin ones', () => {
    expect(compactName('王 明')).toBe('王明');
    expect(compactName('欧阳 娜娜')).toBe('欧阳娜娜');
    expect(compactName('Alice Smith')).toBe('Alice Smith');
  });
});
