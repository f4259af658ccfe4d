import { EfrApiService } from '../efr-api.service';

/** Jasmine spies standing in for the js-api clients that EfrApiService hands out. */
export interface EfrApiMock {
  search: jasmine.SpyObj<{ search: (body: unknown) => Promise<unknown> }>;
  nodes: jasmine.SpyObj<{
    getNode: (...args: unknown[]) => Promise<unknown>;
    updateNode: (...args: unknown[]) => Promise<unknown>;
    listNodeChildren: (...args: unknown[]) => Promise<unknown>;
    listSourceAssociations: (...args: unknown[]) => Promise<unknown>;
    listTargetAssociations: (...args: unknown[]) => Promise<unknown>;
    createAssociation: (...args: unknown[]) => Promise<unknown>;
    deleteAssociation: (...args: unknown[]) => Promise<unknown>;
  }>;
  audit: jasmine.SpyObj<{ listAuditEntriesForNode: (...args: unknown[]) => Promise<unknown> }>;
  people: jasmine.SpyObj<{
    getPerson: (...args: unknown[]) => Promise<unknown>;
    listPeople: (...args: unknown[]) => Promise<unknown>;
  }>;
  groups: jasmine.SpyObj<{
    listGroupMembershipsForPerson: (...args: unknown[]) => Promise<unknown>;
  }>;
}

/** A fresh mock; provide it with `{ provide: EfrApiService, useValue: mock }`. */
export function createEfrApiMock(): EfrApiMock & EfrApiService {
  const mock: EfrApiMock = {
    search: jasmine.createSpyObj('SearchApi', ['search']),
    nodes: jasmine.createSpyObj('NodesApi', [
      'getNode',
      'updateNode',
      'listNodeChildren',
      'listSourceAssociations',
      'listTargetAssociations',
      'createAssociation',
      'deleteAssociation',
    ]),
    audit: jasmine.createSpyObj('AuditApi', ['listAuditEntriesForNode']),
    people: jasmine.createSpyObj('PeopleApi', ['getPerson', 'listPeople']),
    groups: jasmine.createSpyObj('GroupsApi', ['listGroupMembershipsForPerson']),
  };
  return mock as unknown as EfrApiMock & EfrApiService;
}

/** A search or list answer in the REST API's paging shape. */
export function paging<T>(entries: T[], totalItems = entries.length) {
  return {
    list: {
      entries: entries.map((entry) => ({ entry })),
      pagination: {
        count: entries.length,
        hasMoreItems: false,
        totalItems,
        skipCount: 0,
        maxItems: 25,
      },
    },
  };
}
