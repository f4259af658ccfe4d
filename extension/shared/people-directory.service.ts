import { Injectable, inject, signal } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';
import { RECORD_OWNER, compactName, personDisplayName } from '../../core/src/index';
import { EfrApiService } from './efr-api.service';

/** A person as the pickers offer them. */
export interface DirectoryPerson {
  /** ACS person id (the login name records store). */
  id: string;
  /** Name to show, formatted by core's people.displayName ("王明"). */
  name: string;
  /** Job title or organisation, shown under the name to tell namesakes apart. */
  detail: string;
}

/** The label of the repository's own account. */
const SYSTEM_KEY = 'EFR_SHARED.COMMON.SYSTEM';
/** The label of ACS's built-in administrator while it keeps ACS's default name. */
const ADMIN_KEY = 'EFR_SHARED.COMMON.ADMIN';
/** ACS's built-in administrator account and the name ACS gives it (firstName only). */
const ACS_ADMIN = { id: 'admin', name: 'Administrator' } as const;

/** Most people one bureau's directory holds; one page of the People API reads them all. */
const DIRECTORY_PAGE = 1000;

/**
 * Display names of users, looked up once per id through the people API (js-api PeopleApi).
 * Records store user names (`officer1`); staff know each other by name (王明), so screens
 * show the name and keep the id for the tooltip. Unknown or unreadable ids show as
 * themselves. The pickers search the whole directory, read once per session.
 */
@Injectable({ providedIn: 'root' })
export class PeopleDirectoryService {
  private readonly efrApi = inject(EfrApiService);
  private readonly translate = inject(TranslateService, { optional: true });
  private readonly requested = new Set<string>();
  private readonly cache = signal<Readonly<Record<string, string>>>({});
  private directory: Promise<DirectoryPerson[]> | null = null;

  /** The display name of `id`, or `id` until (or unless) it is known. Starts a lookup. */
  nameOf(id: string): string {
    if (!id) return '';
    // The repository's own account (ACS's System user: expiries, ownerless records) is no
    // person of the directory: named in the reader's language, never looked up (a 404).
    if (id === RECORD_OWNER) return this.label(SYSTEM_KEY, RECORD_OWNER);
    const known = this.cache()[id];
    // ACS's administrator under ACS's own English name is named in the reader's language
    // (系统管理员); an installation that gave the account a person's name shows that name.
    if (id === ACS_ADMIN.id && known === ACS_ADMIN.name) return this.label(ADMIN_KEY, known);
    if (known !== undefined) return known;
    this.lookUp(id);
    return id;
  }

  /**
   * People whose name, id, job title or organisation contains `term` (case-insensitive),
   * at most `limit`, in directory order. An empty term lists the first `limit`.
   */
  async search(term: string, limit = 20): Promise<DirectoryPerson[]> {
    const all = await this.everyone();
    const t = term.trim().toLowerCase();
    const hits = t
      ? all.filter((p) => [p.name, p.id, p.detail].some((f) => f.toLowerCase().includes(t)))
      : all;
    return hits.slice(0, limit);
  }

  private everyone(): Promise<DirectoryPerson[]> {
    this.directory ??= Promise.resolve()
      .then(() => this.efrApi.people.listPeople({ maxItems: DIRECTORY_PAGE }))
      .then(
      (page) =>
        (page.list?.entries ?? []).map((e) => {
          const person = e.entry;
          const name = personDisplayName(person);
          this.remember(person.id, name);
          const detail = [person.jobTitle, person.company?.organization]
            .filter((x): x is string => !!x)
            .join(' · ');
          return { id: person.id, name, detail };
        }),
      (error: unknown) => {
        // The directory could not be read: let the next search try again.
        this.directory = null;
        throw error;
      },
    );
    return this.directory;
  }

  /**
   * Names come from the directory, read once for every id a screen shows (one request for a
   * page of rows, not one per person); an id the directory does not hold is asked for alone.
   */
  private lookUp(id: string): void {
    if (this.requested.has(id)) return;
    this.requested.add(id);
    const single = () => {
      if (this.cache()[id] === undefined) this.fetchOne(id);
    };
    // The directory unreadable (a repository that refuses listing people): ask one by one.
    this.everyone().then(single, single);
  }

  private fetchOne(id: string): void {
    this.efrApi.people.getPerson(id).then(
      (person) => this.remember(id, personDisplayName(person.entry) || id),
      // Not readable (deleted account, no permission): the id itself is what we can show.
      () => this.remember(id, id),
    );
  }

  /** The text of `key` in the reader's language, else `otherwise`. */
  private label(key: string, otherwise: string): string {
    const label: unknown = this.translate?.instant(key);
    return typeof label === 'string' && label !== key ? label : otherwise;
  }

  private remember(id: string, name: string): void {
    this.cache.update((names) => ({ ...names, [id]: name }));
  }
}

export { compactName };
