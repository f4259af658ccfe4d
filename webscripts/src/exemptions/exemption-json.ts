/**
 * Exemption records (R11.1, R11.2) as both hosts answer them, read through the port, with the
 * reminder state of core's exemptionReminder.
 */
import type { Exemption } from '../../../contract/index.js';
import {
  DEFAULT_EXEMPTION_REMIND_HOURS, exemptionReminder, type ExemptionReminder,
  type ExemptionState, type ExemptionStatus,
} from '../../../core/src/index.js';
import { textProp as str, type PortNode, type RepositoryPort } from '../repository-port.js';

/** The folder of exemption records in the archive. */
export const EXEMPTIONS_FOLDER = '免录记录';

/** An exemption record as the web scripts answer it (contract/exemptions.ts). */
export type ExemptionJson = Exemption;

/**
 * The reminder time in hours: the `exemptionRemindHours` setting (EFR_EXEMPTION_REMIND_HOURS,
 * `-Defr.exemptionRemindHours` in ACS) when it is a positive number, otherwise core's default
 * (a bad setting must not stop the list from answering).
 */
export function remindHours(port: RepositoryPort): number {
  const v = port.setting('exemptionRemindHours');
  const n = Number(v);
  return v !== null && isFinite(n) && n > 0 ? n : DEFAULT_EXEMPTION_REMIND_HOURS;
}

/** The author: the officer who wrote it (the creator for records made before the field). */
function authorOf(n: PortNode): string {
  return str(n, 'efr:officer') || str(n, 'cm:creator') || '';
}

/** The record as JSON, with its reminder state at `now`. */
export function exemptionJson(
  port: RepositoryPort, n: PortNode, now: string, hours: number,
): ExemptionJson {
  // A LIST-constrained property (efr:exemptionStatusList): one of the contract's values.
  const status = (str(n, 'efr:exemptionStatus') || 'written') as Exemption['status'];
  const writtenAt = str(n, 'efr:writtenAt');
  const acknowledgedAt = str(n, 'efr:acknowledgedAt');
  const cases = port.targets(n.id, 'efr:exemptionCase');
  return {
    id: n.id,
    name: n.name,
    status,
    author: authorOf(n),
    coOfficer: str(n, 'efr:coOfficer'),
    leader: str(n, 'efr:leader') || '',
    actAt: str(n, 'efr:actAt'),
    activityType: str(n, 'efr:activityType') || '',
    location: str(n, 'efr:location') || '',
    ground: str(n, 'efr:exemptionGround') || '',
    basis: str(n, 'efr:basis') || '',
    writtenAt,
    acknowledgedAt,
    filedBy: str(n, 'efr:filedBy'),
    filedAt: str(n, 'efr:filedAt'),
    caseId: cases.length > 0 ? cases[0].id : null,
    caseNumber: str(n, 'efr:caseNumber'),
    reminder: exemptionReminder(
      { status: status as ExemptionStatus, writtenAt: writtenAt || '', acknowledgedAt },
      now, hours),
  };
}

/** The record as core's state machine sees it. */
export function exemptionState(n: PortNode): ExemptionState {
  const status = (str(n, 'efr:exemptionStatus') || 'written') as ExemptionStatus;
  return {
    id: n.id,
    status,
    author: authorOf(n),
    leaderInCharge: str(n, 'efr:leader'),
    acknowledgedBy: status === 'written' ? null : str(n, 'efr:leader'),
    acknowledgedAt: str(n, 'efr:acknowledgedAt'),
    filedBy: str(n, 'efr:filedBy'),
    filedAt: str(n, 'efr:filedAt'),
  };
}
