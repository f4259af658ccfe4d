/**
 * Helpers of the handover API specs (issue 5): a demo server, a handover body, the capture
 * facts a workstation sends with each file, and the web script paths.
 */
import { STANDARD_NOTICE_PHRASE } from '../../core/src/index.js';
import { AcsHttp } from '../support/acs-http.js';
import { DEMO_PASSWORD } from '../support/server-harness.js';

/** Web script base path. */
export const EFR = '/alfresco/s/efr';

/** A demo device registered in the seed. */
export const DEVICE = 'BWC-2026-001';

/** Shape of a handover entry as the web scripts return it. */
export interface HandoverEntry {
  id: string;
  status: string;
  late: boolean;
  overdue: boolean;
  deadline: string;
  receipts: { by: string; at: string }[];
  sessions: { id: string; sessionId: string; noticeText: string }[];
  files: { id: string; name: string; sha256: string; sealed: boolean; parentId: string }[];
  violationId: string | null;
  /** The unit (执法部门) decided at opening (issue 19, point 4). */
  unit: string;
}

/** The server as a demo user. */
export function as(base: AcsHttp, user: string): AcsHttp {
  return base.as(user, DEMO_PASSWORD);
}

/**
 * A valid handover body. `endedMinutesAgo` places the session; `awayWork` with a return a
 * minute ago gives a deadline a day ahead whatever the local hour of the run (R21.2).
 */
export function handoverBody(
  opts: { endedMinutesAgo?: number; awayWork?: boolean } = {},
): Record<string, unknown> {
  const now = Date.now();
  const end = now - (opts.endedMinutesAgo ?? 30) * 60_000;
  return {
    officer: 'officer1',
    coOfficer: 'officer2',
    deviceSerial: DEVICE,
    returnedAt: new Date(Math.max(end, now - 60_000)).toISOString(),
    awayWork: opts.awayWork ?? true,
    preUseCheck: {
      working: true,
      batteryPercent: 90,
      freeStorageMb: 30_000,
      clockOffsetSeconds: 2,
    },
    sessions: [
      {
        activityType: 'routineInspection',
        place: '丹东市振兴区六纬路',
        segmentCount: 1,
        startedAt: new Date(end - 600_000).toISOString(),
        endedAt: new Date(end).toISOString(),
        partyNotified: true,
        noticeText: STANDARD_NOTICE_PHRASE,
      },
    ],
  };
}

/** Multipart fields of an efr:recording uploaded into a handover (capture facts, R26.1). */
export function recordingFields(
  h: HandoverEntry,
  sha256: string,
  seconds = 2,
): Record<string, string> {
  const end = Date.now() - 30 * 60_000;
  return {
    nodeType: 'efr:recording',
    'efr:sha256': sha256,
    'efr:handoverId': h.id,
    'efr:segmentIndex': '0',
    'efr:sessionId': h.sessions[0].sessionId,
    'efr:recorder': 'officer1',
    'efr:officer': 'officer1',
    'efr:coOfficer': 'officer2',
    'efr:deviceSerial': DEVICE,
    'efr:activityType': 'routineInspection',
    'efr:location': '丹东市振兴区六纬路',
    'efr:recordingStart': new Date(end - seconds * 1000).toISOString(),
    'efr:recordingEnd': new Date(end).toISOString(),
    'efr:durationSeconds': String(seconds),
    'efr:partyNotified': 'true',
    'efr:notificationPhrase': STANDARD_NOTICE_PHRASE,
    'efr:source': 'bodyCamera',
    'efr:secrecyLevel': 'none',
  };
}
