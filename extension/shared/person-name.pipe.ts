import { Pipe, PipeTransform, inject } from '@angular/core';
import { PeopleDirectoryService } from './people-directory.service';

/**
 * `{{ userIds | efrPersonName }}`: display names for one user id or a list (joined with 、).
 * Impure because names arrive after the first render.
 */
@Pipe({ name: 'efrPersonName', pure: false })
export class PersonNamePipe implements PipeTransform {
  private readonly people = inject(PeopleDirectoryService);

  /** The names of `ids`. */
  transform(ids: string | readonly string[] | null | undefined): string {
    if (!ids) return '';
    const list = typeof ids === 'string' ? [ids] : ids;
    return list
      .filter(Boolean)
      .map((id) => this.people.nameOf(id))
      .join('、');
  }
}
