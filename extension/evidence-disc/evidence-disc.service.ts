import { Injectable, inject } from '@angular/core';
import { AlfrescoApiService } from '@alfresco/adf-content-services';
import { ContentApi } from '@alfresco/js-api';
import { EFR_PROP, EFR_TYPE, EfrApiService, aftsType, textProp } from '../shared/public-api';
import { DiscCase, DiscForm, DiscRecording, EvidencePackage } from './evidence-disc.model';

/**
 * Evidence discs through the repository (R23.1): cases by search, a case's recordings by its
 * `efr:caseRecordings` targets, its discs by `efr:packageCase` sources, and the
 * `efr/evidence-packages` web script that builds the image server-side (server/ only: against
 * ACS the image is built by `npx efr disc build`, docs/api.md), stores it and logs it.
 */
@Injectable({ providedIn: 'root' })
export class EvidenceDiscService {
  private readonly api = inject(AlfrescoApiService);
  private readonly efrApi = inject(EfrApiService);

  /** Cases the user can read, by case number. */
  async cases(): Promise<DiscCase[]> {
    const result = await this.efrApi.search.search({
      query: { query: aftsType(EFR_TYPE.case), language: 'afts' },
      include: ['properties'], paging: { skipCount: 0, maxItems: 500 },
    });
    return (result.list?.entries ?? []).map((e) => ({ id: e.entry.id,
      caseNumber: textProp(e.entry, EFR_PROP.caseNumber), title: textProp(e.entry, 'cm:title') }))
      .sort((a, b) => a.caseNumber.localeCompare(b.caseNumber));
  }

  /** The recordings linked to a case. */
  async recordings(caseId: string): Promise<DiscRecording[]> {
    const page = await this.efrApi.nodes.listTargetAssociations(caseId, {
      where: "(assocType='efr:caseRecordings')", include: ['properties'] });
    return (page.list?.entries ?? []).filter((e) => {
      const state = textProp(e.entry, 'efr:jobState');
      return state === '' || state === 'built';
    }).map((e) => {
      const p = (e.entry.properties ?? {}) as Record<string, unknown>;
      const size = typeof p['efr:sizeBytes'] === 'number' ? p['efr:sizeBytes'] as number
        : e.entry.content?.sizeInBytes ?? 0;
      const start = p['efr:recordingStart'];
      return { id: e.entry.id, name: e.entry.name, title: textProp(e.entry, 'cm:title'), size,
        sha256: textProp(e.entry, 'efr:sha256'), sealed: Boolean(p['efr:sealedAt']),
        startedAt: typeof start === 'string' ? start : start instanceof Date
          ? start.toISOString() : null };
    }).sort((a, b) => a.name.localeCompare(b.name));
  }

  /**
   * The packages of a case, newest first: sources of its `efr:packageCase` association through
   * the public REST API, so the list works on ACS as on server/ (no web script needed).
   */
  async packages(caseId: string): Promise<EvidencePackage[]> {
    const page = await this.efrApi.nodes.listSourceAssociations(caseId, {
      where: "(assocType='efr:packageCase')", include: ['properties'] });
    const iso = (v: unknown): string | null =>
      v instanceof Date ? v.toISOString() : typeof v === 'string' ? v : null;
    return (page.list?.entries ?? []).filter((e) => {
      const state = textProp(e.entry, 'efr:jobState');
      return state === '' || state === 'built';
    }).map((e) => {
      const text = (k: string): string | null => textProp(e.entry, k) || null;
      return { id: e.entry.id, name: e.entry.name, caseId,
        caseNumber: text(EFR_PROP.caseNumber), producer: text('efr:producer'),
        extractor: text('efr:extractor'),
        extractionTime: iso((e.entry.properties ?? {})['efr:extractionTime']),
        medium: text('efr:medium'), label: text('efr:discLabel'),
        imageSha256: text('efr:imageSha256'), imageSize: e.entry.content?.sizeInBytes ?? 0,
        recordingIds: [], createdAt: iso(e.entry.createdAt) ?? '',
        createdBy: e.entry.createdByUser?.id ?? '',
        // Only built discs are listed (the filter above): their job is over.
        job: { state: 'built' as const, bytesDone: e.entry.content?.sizeInBytes ?? 0,
          bytesTotal: e.entry.content?.sizeInBytes ?? 0, percent: 100, worker: null,
          finishedAt: null, error: null } };
    }).sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  }

  /**
   * Asks for a disc of the case (202: recorded); efr worker builds it beside the repository
   * (issue 15): follow it with {@link package}.
   */
  async build(caseId: string, form: DiscForm): Promise<EvidencePackage> {
    const body = { caseId, recordings: [...form.recordingIds], producer: form.producer.trim(),
      extractor: form.extractor.trim(), medium: form.medium, label: form.label.trim() };
    return (await this.efrApi.call<{ entry: EvidencePackage }>('POST', 'evidence-packages', body))
      .entry;
  }

  /** One disc with the progress of its build. */
  async package(id: string): Promise<EvidencePackage> {
    return (await this.efrApi.call<{ entry: EvidencePackage }>('GET',
      `evidence-packages/${encodeURIComponent(id)}`)).entry;
  }

  /** Download URL of a package image (ticket as alf_ticket: a plain link sends no header). */
  downloadUrl(packageId: string): string {
    const alfresco = this.api.getInstance();
    return new ContentApi(alfresco).getContentUrl(packageId, true, alfresco.getTicketEcm());
  }
}
