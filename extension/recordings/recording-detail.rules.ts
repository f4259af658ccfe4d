import { AccessRequestView, mayReadAccessLog } from '../approvals/public-api';
import { EfrUser } from '../shared/public-api';

/**
 * What one part of the recording detail page shows (issue 19, point 1): the parts load and
 * fail on their own, so a refused chain of custody never hides the capture facts.
 */
export type PartState = 'loading' | 'ready' | 'forbidden' | 'failed';

/** `recordings.partState`: the state of a part after its request failed with `status`. */
export function failedPartState(status: number | null | undefined): PartState {
  return status === 403 ? 'forbidden' : 'failed';
}

/**
 * `recordings.mayReadCustody`: whether the user may read the chain of custody. It is the
 * access log (R14.1), read by supervisors, the office and legal staff (approvals.mayAuditLog,
 * the same groups server/src/routes/audit.ts lets in); others get a sentence, not a 403.
 */
export function mayReadCustody(user: EfrUser | null): boolean {
  return mayReadAccessLog(user);
}

/** What the user can do next about viewing the recording's content (R24, R25). */
export type ViewingNext =
  | { kind: 'play'; requestId: string; number: string }
  | { kind: 'pending'; requestId: string; number: string; status: AccessRequestView['status'] }
  | { kind: 'request' };

const PENDING: readonly AccessRequestView['status'][] = ['submitted', 'reviewed', 'approved'];

/**
 * `recordings.viewingNext`: play under an open registered request for this user; otherwise
 * the user's own request still on its way; otherwise "申请调阅" (a viewing right is
 * missing). `viewing` are the user's open viewings, `mine` the user's own requests.
 */
export function viewingNext(
  recordingId: string,
  user: EfrUser | null,
  viewing: readonly AccessRequestView[],
  mine: readonly AccessRequestView[],
): ViewingNext {
  const covers = (r: AccessRequestView) => r.recordingIds.includes(recordingId);
  const open = viewing.find(
    (r) => covers(r) && r.status === 'registered' && r.windowOpen && r.viewer === user?.id,
  );
  if (open) return { kind: 'play', requestId: open.id, number: open.number };
  const pending = mine.find((r) => covers(r) && PENDING.includes(r.status));
  if (pending) {
    const { id: requestId, number, status } = pending;
    return { kind: 'pending', requestId, number, status };
  }
  return { kind: 'request' };
}

/** A stored file's format as a reader names it: its kind and its format in capitals. */
export interface MediaFormat {
  /** `video`, `audio`, `image` or `other`: the i18n key under EFR_RECORDINGS.DETAIL.KIND. */
  kind: 'video' | 'audio' | 'image' | 'other';
  /** The format in capitals, as Chinese software names it (MP4, M4A); '' when unknown. */
  format: string;
}

/**
 * `audio/mp4` as "MP4 音频" (issue 19: no raw MIME type on a Chinese screen): the MIME type's
 * top-level type gives the kind, its subtype without an `x-` prefix the format.
 */
export function mediaFormat(mimeType: string): MediaFormat {
  const [type = '', sub = ''] = mimeType.toLowerCase().split(';')[0].trim().split('/');
  const kind = type === 'video' || type === 'audio' || type === 'image' ? type : 'other';
  return { kind, format: sub.replace(/^x-/, '').toUpperCase() };
}

