// The module's web script features as the Rhino specs run them (webscript-run.ts): which
// controllers, which archive folders (server/src/demo/archive-folders.ts);
// and the run functions the specs call.
import {
  runWebScripts,
  type NodeOfCall,
  type PermissionsCall,
  type RestCall,
  type SetupNode,
  type UploadCall,
  type WebScriptFeature,
  type WsCall,
  type WsResult,
} from './webscript-run.js';
import type { FixtureValue } from './rhino-run.js';

export type { PermissionsCall, RestCall, SetupNode, UploadCall, WsCall, WsResult };

/** Device register and exemption records (issue 9); their POSTs mark the transaction. */
export const DEVICES: WebScriptFeature = {
  areas: ['devices', 'exemptions'],
  folders: ['EFR 执法记录/执法记录仪', 'EFR 执法记录/免录记录', 'EFR 执法记录/案件'],
};

/** Viewing requests and preservation holds (issue 6); registration and close set ACEs. */
export const ACCESS_REQUESTS: WebScriptFeature = {
  areas: ['access-requests'],
  folders: ['EFR 执法记录/调阅申请', 'EFR 执法记录/录像档案', 'EFR 执法记录/案件'],
};

/** Handovers (issue 5): sealing files recordings (`move`); views show who opened them. */
export const HANDOVERS: WebScriptFeature = {
  areas: ['handovers'],
  folders: ['EFR 执法记录/执法记录仪', 'EFR 执法记录/移交记录', 'EFR 执法记录/录像档案'],
  idPrefix: 'h',
};

/** Spot checks and the violation register (issue 8); campaigns list by cm:created. */
export const SPOT_CHECKS: WebScriptFeature = {
  areas: ['spot-checks'],
  folders: ['EFR 执法记录/违规记录', 'EFR 执法记录/抽查', 'EFR 执法记录/执法记录仪',
    'EFR 执法记录/移交记录'],
};

/**
 * Disposition (issue 18) with the holds of the access-request area (a hold placed mid-batch);
 * batches live in `处置批次`, the recordings in the archive, cases beside them.
 */
export const DISPOSITION: WebScriptFeature = {
  areas: ['disposition', 'access-requests', 'documents'],
  folders: ['EFR 执法记录/处置批次', 'EFR 执法记录/录像档案', 'EFR 执法记录/案件',
    'EFR 执法记录/调阅申请', '文档'],
  idPrefix: 'd',
};

/** Demo users of the device and exemption specs, and their groups. */
export const WS_USERS: Record<string, string[]> = {
  officer1: ['GROUP_EFR_OFFICERS'],
  officer2: ['GROUP_EFR_OFFICERS'],
  custodian1: ['GROUP_EFR_CUSTODIANS'],
  leader1: ['GROUP_EFR_LEADERS'],
  leader2: ['GROUP_EFR_LEADERS'],
  unithead1: ['GROUP_EFR_UNIT_HEADS'],
};

/** Users of the spot-check and violation specs, and their groups. */
export const SPOT_CHECK_USERS: Record<string, string[]> = {
  officer1: ['GROUP_EFR_OFFICERS'],
  supervisor1: ['GROUP_EFR_SUPERVISORS'],
  supervisor2: ['GROUP_EFR_SUPERVISORS'],
};

/** Runs device and exemption calls in order against one repository; answers by call name. */
export function runCalls(
  users: Record<string, string[]>,
  calls: WsCall[],
  nodes: SetupNode[] = [],
): Promise<Record<string, WsResult>> {
  return runWebScripts(DEVICES, users, calls, nodes);
}

/** Runs access-request and hold calls (and looks at ACEs) in order in one repository. */
export function runAccessRequestCalls(
  users: Record<string, string[]>,
  calls: (WsCall | PermissionsCall)[],
  nodes: SetupNode[],
): Promise<Record<string, WsResult>> {
  return runWebScripts(ACCESS_REQUESTS, users, calls, nodes);
}

/** One handover web script call, an upload (`create`), a look at a node or a REST act. */
export type HandoverCall = WsCall | UploadCall | NodeOfCall | RestCall;

/** What the specs read of a handover entry. */
export interface HandoverEntryLike {
  id: string;
  status?: string;
  late?: boolean;
  unit?: string;
  deadline?: string;
  violationId?: string | null;
  sessions?: { noticeText: string }[];
  files?: { sealed: boolean }[];
}

/** One handover answer (`$tree` lists every node path at the end, `$moves` every move). */
export type HandoverResult = WsResult<HandoverEntryLike>;

/** Runs handover calls and uploads in order against one repository. */
export function runHandoverCalls(
  users: Record<string, string[]>,
  calls: HandoverCall[],
  nodes: SetupNode[],
  personProps?: Record<string, Record<string, FixtureValue>>,
): Promise<Record<string, HandoverResult>> {
  return runWebScripts<HandoverEntryLike>(HANDOVERS, users, calls, nodes, undefined, personProps);
}

/**
 * Runs spot-check and violation calls (and uploads standing for recordings filed later) as
 * SPOT_CHECK_USERS in order in one repository.
 */
export function runSpotCheckCalls(
  calls: (WsCall | UploadCall)[],
  nodes: SetupNode[],
): Promise<Record<string, WsResult>> {
  return runWebScripts(SPOT_CHECKS, SPOT_CHECK_USERS, calls, nodes);
}

/** The access log's signed tree heads (issue 18): kept beside the archive folders. */
export const TREE_HEADS: WebScriptFeature = {
  areas: ['access-log'],
  folders: ['EFR 执法记录/移交记录'],
  idPrefix: 't',
};
