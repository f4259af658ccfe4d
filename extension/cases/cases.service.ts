import { Injectable, inject } from '@angular/core';
import {
  EFR_ASSOC_CASE_RECORDINGS,
  EFR_PROP,
  EFR_TYPE,
  EfrApiService,
  aftsAnd,
  aftsQuote,
  aftsType,
  listProp,
} from '../shared/public-api';
import { CaseDossier, CaseSummary, DossierRecording } from './cases.model';
import {
  CaseNodeLike,
  toCaseSummary,
  toDossierDocument,
  toDossierRecording,
  toRetention,
} from './case.mapper';
import { groupByStage } from './dossier.rules';
import { CaseStatusFilter, caseListQuery } from './cases-query.rules';

/** A page of cases. */
export interface CasePage {
  items: CaseSummary[];
  total: number;
}

/** Reads cases and their dossiers through the public REST API (search, nodes, associations). */
@Injectable({ providedIn: 'root' })
export class CasesService {
  private readonly efrApi = inject(EfrApiService);

  /** One page of cases, newest first; `status` narrows to open or closed. */
  async list(
    skipCount: number,
    maxItems: number,
    status: CaseStatusFilter = '',
  ): Promise<CasePage> {
    const result = await this.efrApi.search.search({
      query: { query: caseListQuery(status), language: 'afts' },
      include: ['properties'],
      sort: [{ type: 'FIELD', field: 'cm:created', ascending: false }],
      paging: { skipCount, maxItems },
    });
    const entries = result.list?.entries ?? [];
    return {
      items: entries.map((e) => toCaseSummary(e.entry as CaseNodeLike)),
      total: result.list?.pagination?.totalItems ?? entries.length,
    };
  }

  /** How many cases the list holds under a status filter: its own query, one row read. */
  async count(status: CaseStatusFilter): Promise<number> {
    return (await this.list(0, 1, status)).total;
  }

  /** The dossier: case facts, text records and linked recordings placed by stage. */
  async getDossier(id: string): Promise<CaseDossier> {
    const [node, children, targets] = await Promise.all([
      this.efrApi.nodes.getNode(id, { include: ['properties', 'aspectNames'] }),
      this.efrApi.nodes.listNodeChildren(id, {
        include: ['properties'],
        where: '(isFile=true)',
        maxItems: 1000,
      }),
      this.linkedRecordings(id),
    ]);
    const caseNode = node.entry as CaseNodeLike;
    const documents = (children.list?.entries ?? []).map((e) =>
      toDossierDocument(e.entry as CaseNodeLike),
    );
    return {
      ...toCaseSummary(caseNode),
      retention: toRetention(caseNode),
      stagesReached: listProp(caseNode, EFR_PROP.stages),
      stages: groupByStage(documents, targets),
      recordingCount: targets.length,
    };
  }

  /** Recordings whose name contains `text`, to link to a case (at most 20). */
  async findRecordings(text: string): Promise<DossierRecording[]> {
    const term = text.trim();
    const result = await this.efrApi.search.search({
      query: {
        query: aftsAnd([
          aftsType(EFR_TYPE.recording),
          term ? `cm:name:${aftsQuote(`*${term}*`)}` : null,
        ]),
        language: 'afts',
      },
      include: ['properties', 'aspectNames'],
      sort: [{ type: 'FIELD', field: EFR_PROP.startedAt, ascending: false }],
      paging: { skipCount: 0, maxItems: 20 },
    });
    return (result.list?.entries ?? []).map((e) => toDossierRecording(e.entry as CaseNodeLike));
  }

  private async linkedRecordings(id: string): Promise<DossierRecording[]> {
    const page = await this.efrApi.nodes.listTargetAssociations(id, {
      where: `(assocType='${EFR_ASSOC_CASE_RECORDINGS}')`,
      include: ['properties', 'aspectNames'],
      maxItems: 1000,
    });
    return (page.list?.entries ?? []).map((e) => toDossierRecording(e.entry as CaseNodeLike));
  }
}
