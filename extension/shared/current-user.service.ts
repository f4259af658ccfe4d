import { Injectable, computed, inject, signal } from '@angular/core';
import { personDisplayName } from '../../core/src/index';
import { EfrApiService } from './efr-api.service';
import { EfrRole, EfrUser, hasAnyRole, isAdminUser, rolesFromGroups } from './roles.rules';

/**
 * The signed-in user with the EFR roles taken from their groups. Loaded once after login and
 * cleared on logout; screens read the `user` signal.
 */
@Injectable({ providedIn: 'root' })
export class CurrentUserService {
  private readonly efrApi = inject(EfrApiService);
  private readonly current = signal<EfrUser | null>(null);
  private loading: Promise<EfrUser> | null = null;

  /** The user, or null before `load()` finished. */
  readonly user = this.current.asReadonly();

  /** The user's roles (empty before load). */
  readonly roles = computed(() => this.current()?.roles ?? []);

  /** Loads `-me-` and its groups; concurrent calls share one request. */
  load(): Promise<EfrUser> {
    const known = this.current();
    if (known) return Promise.resolve(known);
    this.loading ??= this.fetch().finally(() => (this.loading = null));
    return this.loading;
  }

  /** Forgets the user (logout, expired ticket). */
  clear(): void {
    this.current.set(null);
  }

  /** Whether the user holds one of `roles` (admins hold all). */
  hasAny(...roles: EfrRole[]): boolean {
    return hasAnyRole(this.current(), roles);
  }

  private async fetch(): Promise<EfrUser> {
    const [person, groups] = await Promise.all([
      this.efrApi.people.getPerson('-me-'),
      this.efrApi.groups.listGroupMembershipsForPerson('-me-', { maxItems: 100 }),
    ]);
    const groupIds = (groups.list?.entries ?? [])
      .map((g) => g.entry?.id)
      .filter((id): id is string => typeof id === 'string');
    const entry = person.entry;
    // One way to write names everywhere (core people.displayName): "王明", not ACS's "王 明".
    const displayName = personDisplayName(entry);
    const user: EfrUser = {
      id: entry.id,
      displayName,
      roles: rolesFromGroups(groupIds),
      isAdmin: isAdminUser(groupIds, entry.capabilities?.isAdmin === true),
    };
    this.current.set(user);
    return user;
  }
}
