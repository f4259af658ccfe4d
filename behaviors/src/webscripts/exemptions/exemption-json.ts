/**
 * Exemption nodes as the web scripts answer them (same JSON as server/'s exemption scripts),
 * with the reminder state of core's exemptionReminder.
 */
import type { Exemption } from '../../../../contract/index.js';
import {
  DEFAULT_EXEMPTION_REMIND_HOURS,
  exemptionReminder,
  type ExemptionState,
  type ExemptionStatus,
} from '../../../../core/src/index.js';
import { plainString } from '../../lib/java-values.js';
import { assocNodes, nodeProp } from '../../lib/model-names.js';
import { idOf, type WsNode } from '../../lib/ws-runtime.js';

/** The folder of exemption records in the archive. */
export const EXEMPTIONS_FOLDER = '免录记录';

const text = (n: WsNode, p: string): string | null => plainString(nodeProp(n, p));

/**
 * The reminder time in hours. server/ reads EFR_EXEMPTION_REMIND_HOURS; inside ACS the
 * module has no reader of that setting yet (it would come from alfresco-global.properties
 * through a Spring bean), so core's default applies there.
 */
export function remindHours(): number {
  return DEFAULT_EXEMPTION_REMIND_HOURS;
}

/** The record as JSON at `now`. */
export function exemptionJson(n: WsNode, now: string, hours: number): Exemption {
  const status = text(n, 'efr:exemptionStatus') || 'written';
  const writtenAt = text(n, 'efr:writtenAt');
  const acknowledgedAt = text(n, 'efr:acknowledgedAt');
  const cases = assocNodes(n.assocs, 'efr:exemptionCase');
  return {
    id: idOf(n),
    name: String(n.name),
    status: status as ExemptionStatus,
    author: text(n, 'efr:officer') || '',
    coOfficer: text(n, 'efr:coOfficer'),
    leader: text(n, 'efr:leader') || '',
    actAt: text(n, 'efr:actAt'),
    activityType: text(n, 'efr:activityType') || '',
    location: text(n, 'efr:location') || '',
    ground: text(n, 'efr:exemptionGround') || '',
    basis: text(n, 'efr:basis') || '',
    writtenAt,
    acknowledgedAt,
    filedBy: text(n, 'efr:filedBy'),
    filedAt: text(n, 'efr:filedAt'),
    caseId: cases.length > 0 ? idOf(cases[0] as WsNode) : null,
    caseNumber: text(n, 'efr:caseNumber'),
    reminder: exemptionReminder(
      { status: status as ExemptionStatus, writtenAt: writtenAt || '', acknowledgedAt },
      now,
      hours,
    ),
  };
}

/** The record as core's state machine sees it. */
export function exemptionState(n: WsNode): ExemptionState {
  const status = (text(n, 'efr:exemptionStatus') || 'written') as ExemptionStatus;
  return {
    id: idOf(n),
    status,
    author: text(n, 'efr:officer') || '',
    leaderInCharge: text(n, 'efr:leader'),
    acknowledgedBy: status === 'written' ? null : text(n, 'efr:leader'),
    acknowledgedAt: text(n, 'efr:acknowledgedAt'),
    filedBy: text(n, 'efr:filedBy'),
    filedAt: text(n, 'efr:filedAt'),
  };
}
