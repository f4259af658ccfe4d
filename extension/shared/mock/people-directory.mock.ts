import { DirectoryPerson, PeopleDirectoryService } from '../people-directory.service';

/**
 * A people directory for specs: `~id` as every name (so a spec sees the name was asked for)
 * and `people` as the directory the pickers search.
 */
export function peopleDirectoryMock(people: DirectoryPerson[] = []): PeopleDirectoryService {
  const names = new Map(people.map((p) => [p.id, p.name]));
  return {
    nameOf: (id: string) => (id ? (names.get(id) ?? `~${id}`) : ''),
    search: async (term: string) =>
      people.filter((p) => !term || p.name.includes(term) || p.id.includes(term)),
  } as unknown as PeopleDirectoryService;
}
