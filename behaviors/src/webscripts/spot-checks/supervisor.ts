/** The supervisors' gate of the register web scripts (R29.1), as server/ applies it. */
import { GROUP_EFR_SUPERVISORS, isMember, refuse } from '../../../../core/src/index.js';
import { currentActor } from '../../lib/actor.js';
import { enforce } from '../devices/ws-runtime.js';

/** Refuses (403) unless the current user is a supervisor. */
export function requireSupervisor(step: string): void {
  if (isMember(currentActor(), GROUP_EFR_SUPERVISORS)) return;
  enforce(refuse(403, 'efr.violation.notSupervisor', 'R29.1',
    'Only supervisors keep the violation register.', '仅监督人员可以登记违规。'), step, null);
}
