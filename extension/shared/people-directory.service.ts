import { Injectable, inject, signal } from '@angular/core';
import { EfrApiService } from './efr-api.service';

/**
 * Display names of users, looked up once per id through the people API. Records store user
 * names (`officer1`); staff know each other by name (王明), so screens show the name and keep
 * the id for the tooltip. Unknown or unreadable ids show as themselves.
 */
@Injectable({ providedIn: 'root' })
export class PeopleDirectoryService {
  private readonly efrApi = inject(EfrApiService);
  private readonly requested = new Set<string>();
  private readonly cache = signal<Readonly<Record<string, string>>>({});

  /** The display name of `id`, or `id` until (or unless) it is known. Starts a lookup. */
  nameOf(id: string): string {
    if (!id) return '';
    const known = this.cache()[id];
    if (known !== undefined) return known;
    this.lookUp(id);
    return id;
  }

  private lookUp(id: string): void {
    if (this.requested.has(id)) return;
    this.requested.add(id);
    this.efrApi.people.getPerson(id).then(
      (person) => this.remember(id, compactName(person.entry.displayName ?? '') || id),
      // Not readable (deleted account, no permission): the id itself is what we can show.
      () => this.remember(id, id),
    );
  }

  private remember(id: string, name: string): void {
    this.cache.update((names) => ({ ...names, [id]: name }));
  }
}

/**
 * `people.compactName`: Chinese names join without the space that first + last name get in
 * ACS ("王 明" → "王明"); Latin names keep theirs.
 */
export function compactName(name: string): string {
  return name.trim().replace(/(\p{Script=Han})\s+(?=\p{Script=Han})/gu, '$1');
}
