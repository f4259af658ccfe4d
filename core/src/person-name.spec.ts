import { compactName, personDisplayName } from './person-name.js';

describe('people.displayName (issue 19, points 2 and 3)', () => {
  it('writes Chinese names without a space, in the directory order', () => {
    expect(personDisplayName({ id: 'officer1', firstName: '王', lastName: '明' })).toBe('王明');
    expect(personDisplayName({ firstName: '欧阳', lastName: '娜娜' })).toBe('欧阳娜娜');
    expect(personDisplayName({ firstName: ' 赵 ', lastName: '国华' })).toBe('赵国华');
  });

  it('keeps "First Last" for Latin names and copes with one part', () => {
    expect(personDisplayName({ firstName: 'Alice', lastName: 'Smith' })).toBe('Alice Smith');
    expect(personDisplayName({ firstName: 'Administrator' })).toBe('Administrator');
    expect(personDisplayName({ lastName: 'Smith' })).toBe('Smith');
  });

  it('falls back to the display name, then the id', () => {
    expect(personDisplayName({ id: 'x', displayName: '张 丽' })).toBe('张丽');
    expect(personDisplayName({ id: 'ghost' })).toBe('ghost');
  });

  it('compacts display names between Han characters only', () => {
    expect(compactName('王 明')).toBe('王明');
    expect(compactName('Alice Smith')).toBe('Alice Smith');
    expect(compactName(null)).toBe('');
  });
});
