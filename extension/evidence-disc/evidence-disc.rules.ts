/**
 * Pure rules of the evidence-disc screen (R23.1). The server decides (core
 * checkEvidencePackage, the writer's exact layout); these only guide the form: who sees the
 * screen, an upper estimate of the image size against the medium, and whether the form is
 * complete enough to send.
 */
import { MEDIA, type Medium } from '../../core/src/index';
import { estimatePackageBytes } from '../../core/src/evidence/package-estimate';
import { DiscError, mediumBytes } from '../../core/src/disc/index';
import {
  EfrRole, EfrUser, hasAnyRole, refusalText, summaryText,
} from '../shared/public-api';
import { DiscForm, DiscRecording } from './evidence-disc.model';

/** `disc.canPackage`: legal staff and custodians make evidence discs (DESIGN.md roles). */
export function canPackage(user: EfrUser | null): boolean {
  return hasAnyRole(user, [EfrRole.Legal, EfrRole.Custodian]);
}

/** The media in the order the screen offers them. */
export const DISC_MEDIA: readonly Medium[] = MEDIA;

/**
 * The image size of the chosen recordings: core's estimate (the payload laid out as the
 * writer does, the tag files at sizes above the server's). A name the writer would refuse
 * (DiscError) leaves the estimate at the recordings' own size; the server then says why.
 */
export function estimateImageBytes(recordings: readonly DiscRecording[]): number {
  try {
    return estimatePackageBytes(recordings);
  } catch (err) {
    if (!(err instanceof DiscError)) throw err;
    return recordings.reduce((n, r) => n + r.size, 0);
  }
}

/** `disc.usage`: estimated bytes, capacity and the used fraction for the chosen medium. */
export function discUsage(recordings: readonly DiscRecording[], selected: readonly string[],
  medium: string): { bytes: number; capacity: number; fraction: number; fits: boolean } {
  const bytes = estimateImageBytes(recordings.filter((r) => selected.includes(r.id)));
  const capacity = (MEDIA as readonly string[]).includes(medium)
    ? mediumBytes(medium as Medium) : 0;
  return { bytes, capacity, fraction: capacity ? bytes / capacity : 1,
    fits: capacity > 0 && bytes <= capacity };
}

/** Why the form cannot be sent yet (i18n key under EFR_EVIDENCE_DISC.PROBLEM), or null. */
export function discFormProblem(form: DiscForm, recordings: readonly DiscRecording[]):
  string | null {
  if (form.recordingIds.length === 0) return 'NO_RECORDINGS';
  const chosen = recordings.filter((r) => form.recordingIds.includes(r.id));
  if (chosen.some((r) => !r.sealed)) return 'NOT_SEALED';
  if (!form.producer.trim() || !form.extractor.trim()) return 'PEOPLE';
  if (!form.label.trim() || [...form.label].length > 32) return 'LABEL';
  if (!(MEDIA as readonly string[]).includes(form.medium)) return 'MEDIUM';
  return null;
}

/** A default label from the case number: at most 32 characters. */
export function defaultLabel(caseNumber: string): string {
  return [...`EFR ${caseNumber}`].slice(0, 32).join('');
}

/**
 * `22.0 KiB` / `1.4 MiB` / `4.2 GiB` for sizes on the screen: below 1 MiB in KiB, so that a
 * small file never reads "0.0 MiB" (issue 19, point 11).
 */
export function formatSize(bytes: number): string {
  if (bytes >= 1073741824) return `${(bytes / 1073741824).toFixed(2)} GiB`;
  if (bytes < 1048576) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1048576).toFixed(1)} MiB`;
}

/** The parts of a refusal the screen shows. */
export interface DiscRefusal {
  /** Message in the interface language. */
  text: string;
  errorKey: string;
  /** File named by a fixity alert (R26.1). */
  path: string | null;
  /** Proposed discs of a package too big for its medium. */
  split: { recordingIds: string[]; imageBytes: number }[];
}

/** No glossary: each summary as it came. */
const NO_SENTENCE = (): undefined => undefined;

/**
 * `disc.refusal`: reads an ACS error body thrown by js-api (message = the body's text); the
 * text as every screen says it (shared `refusalText`, the glossary's `sentence` of its code).
 */
export function discRefusal(error: unknown, language: string,
  sentence: (code: string) => string | undefined = NO_SENTENCE): DiscRefusal {
  const message = (error as { message?: unknown } | null)?.message;
  const out: DiscRefusal = { text: typeof message === 'string' ? message : '', errorKey: '',
    path: null, split: [] };
  if (typeof message !== 'string') return out;
  try {
    const e = (JSON.parse(message) as { error?: { briefSummary?: string; errorKey?: string;
      path?: string; split?: DiscRefusal['split'] | null } }).error ?? {};
    out.text = refusalText(error, language, sentence);
    out.errorKey = e.errorKey ?? '';
    out.path = e.path ?? null;
    out.split = e.split ?? [];
  } catch {
    // Not a JSON error body (network failure): show the text as it came.
  }
  return out;
}

/**
 * The refusal of a disc job that failed (issue 15): the worker's message in the interface
 * language (`English / 中文 (Rnn)`), its code, and the file a fixity alert names.
 */
export function jobRefusal(error: { code: string; message: string }, language: string,
  sentence: (code: string) => string | undefined = NO_SENTENCE): DiscRefusal {
  const text = summaryText(error.message, language, sentence, () => error.code);
  const path = error.code === 'efr.evidence.fixityMismatch'
    ? /^(data\/[^:]+):/.exec(error.message)?.[1] ?? null : null;
  return { text, errorKey: error.code, path, split: [] };
}

/** Whether a disc's job has ended (built or failed); discs without a job are built. */
export function jobEnded(job: { state: string } | undefined): boolean {
  return job === undefined || job.state === 'built' || job.state === 'failed';
}
