/**
 * How a person's name is written on every screen and document (issue 19, points 2 and 3):
 * one formatter, used by the screens (extension/shared/people-directory.service.ts), the
 * current user's greeting and the evidence disc's written description (server/).
 *
 * ACS builds a person's `displayName` as `firstName + " " + lastName` (alfresco-community-repo,
 * PersonServiceImpl / the v1 People API), which writes Chinese names with a space ("王 明").
 * Chinese names are written without one: when either part is in Han script the parts are
 * joined as they are, in the order the directory holds them (directories in this bureau keep
 * the family name in firstName, as the demo users do: 王 + 明 → 王明). Latin names keep
 * "First Last".
 */

/** The parts of a person this formatter reads (ACS Person entry fields). */
export interface PersonNameParts {
  readonly id?: string | null;
  readonly firstName?: string | null;
  readonly lastName?: string | null;
  readonly displayName?: string | null;
}

/** CJK unified ideographs (with extension A and the compatibility block). */
const HAN_CLASS = '[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff]';
const HAN = new RegExp(HAN_CLASS);
const HAN_GAP = new RegExp('(' + HAN_CLASS + ')\\s+(?=' + HAN_CLASS + ')', 'g');

function trimmed(s: string | null | undefined): string {
  return s === null || s === undefined ? '' : String(s).replace(/^\s+|\s+$/g, '');
}

/** `people.compactName`: a display name without the space between Han characters. */
export function compactName(name: string | null | undefined): string {
  return trimmed(name).replace(HAN_GAP, '$1');
}

/**
 * `people.displayName`: the name to show for a person: "王明" for Chinese names, "Alice Smith"
 * otherwise; the display name when the parts are missing, the id as the last resort.
 */
export function personDisplayName(p: PersonNameParts): string {
  const first = trimmed(p.firstName);
  const last = trimmed(p.lastName);
  if (first === '' && last === '') return compactName(p.displayName) || trimmed(p.id);
  if (HAN.test(first) || HAN.test(last)) return first + last;
  return first === '' ? last : last === '' ? first : first + ' ' + last;
}
