import { requireSupervisor as sharedRequireSupervisor } from
  '../../../../webscripts/src/violations/violations.js';
import type { Caller, Repository } from '../../repo/repository.js';
import { serverPort } from '../port/server-port.js';

/**
 * The register's gate for server/'s own steps that still use it (spot checks). The report and
 * the scan are written once for both hosts (webscripts/src/violations/violation-reports.ts).
 */

/** Refuses unless the caller is a supervisor (R29.1): the shared gate of the register. */
export function requireSupervisor(repo: Repository, c: Caller, step: string): void {
  sharedRequireSupervisor(serverPort(repo, c), step);
}
