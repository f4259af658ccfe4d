import { Injectable, inject } from '@angular/core';
import { EfrApiService, HasProperties } from '../shared/public-api';

/** A row of a work list: any EFR node, shown by name, creation and status. */
export interface WorkItem {
  id: string;
  name: string;
  createdAt: Date | null;
  createdBy: string;
  properties: HasProperties['properties'];
}

/** Counts and lists for the dashboard, through the search API. */
@Injectable({ providedIn: 'root' })
export class DashboardService {
  private readonly efrApi = inject(EfrApiService);

  /** How many nodes match `query` (one row fetched: the total is what counts). */
  async count(query: string): Promise<number> {
    const result = await this.efrApi.search.search({
      query: { query, language: 'afts' },
      paging: { skipCount: 0, maxItems: 1 },
    });
    return result.list?.pagination?.totalItems ?? result.list?.entries?.length ?? 0;
  }

  /** The nodes matching `query`, oldest first: the longest-waiting work comes first. */
  async list(
    query: string,
    skipCount: number,
    maxItems: number,
  ): Promise<{
    items: WorkItem[];
    total: number;
  }> {
    const result = await this.efrApi.search.search({
      query: { query, language: 'afts' },
      include: ['properties'],
      sort: [{ type: 'FIELD', field: 'cm:created', ascending: true }],
      paging: { skipCount, maxItems },
    });
    const entries = result.list?.entries ?? [];
    return {
      items: entries.map(({ entry }) => {
        const created = entry.createdAt ? new Date(entry.createdAt) : null;
        return {
          id: entry.id,
          name: entry.name,
          createdAt: created && !Number.isNaN(created.getTime()) ? created : null,
          createdBy: entry.createdByUser?.displayName ?? entry.createdByUser?.id ?? '',
          properties: (entry.properties ?? null) as HasProperties['properties'],
        };
      }),
      total: result.list?.pagination?.totalItems ?? entries.length,
    };
  }
}
