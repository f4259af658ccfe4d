import { EVERYONE } from '../repo/authorities.js';
import type { Ace, Role } from '../repo/permissions.js';

/** One folder of the archive: zh name, en title, meta key, extra local permissions. */
export interface ArchiveFolder {
  key: string;
  name: string;
  title: string;
  aces: [string, Role][];
}

/** The archive root under Company Home. */
export const ARCHIVE_ROOT = {
  key: 'efr_archive',
  name: 'EFR 执法记录',
  title: 'EFR enforcement records',
};

/**
 * The archive's folders (zh names, en in cm:title). Their ids are kept in the meta table as
 * `efr_folder_<key>`; clients find them by relativePath from -root-, e.g. `EFR 执法记录/案件`.
 */
export const ARCHIVE_FOLDERS: ArchiveFolder[] = [
  {
    key: 'cases',
    name: '案件',
    title: 'Cases',
    aces: [
      ['GROUP_EFR_LEGAL', 'Collaborator'],
      ['GROUP_EFR_OFFICERS', 'Contributor'],
    ],
  },
  {
    key: 'recordings',
    name: '录像档案',
    title: 'Recordings archive',
    aces: [['GROUP_EFR_LEGAL', 'Editor']],
  },
  {
    key: 'handovers',
    name: '移交记录',
    title: 'Handovers',
    aces: [['GROUP_EFR_OFFICERS', 'Contributor']],
  },
  {
    key: 'devices',
    name: '执法记录仪',
    title: 'Devices',
    aces: [['GROUP_EFR_UNIT_HEADS', 'Collaborator']],
  },
  {
    key: 'requests',
    name: '调阅申请',
    title: 'Access requests',
    aces: [
      ['GROUP_EFR_OFFICERS', 'Contributor'],
      ['GROUP_EFR_LEGAL', 'Contributor'],
      ['GROUP_EFR_SUPERVISORS', 'Contributor'],
      ['GROUP_EFR_OFFICE_DIRECTORS', 'Collaborator'],
      ['GROUP_EFR_LEADERS', 'Collaborator'],
    ],
  },
  {
    key: 'spotChecks',
    name: '抽查',
    title: 'Spot checks',
    aces: [['GROUP_EFR_SUPERVISORS', 'Coordinator']],
  },
  {
    // The violation register (R29.1): made with the archive, so that the web scripts written
    // once find it as the module's do (violation-records.ts registerFolder reads the same key).
    key: 'violations',
    name: '违规记录',
    title: 'Violations register',
    aces: [['GROUP_EFR_SUPERVISORS', 'Coordinator']],
  },
  {
    key: 'exemptions',
    name: '免录记录',
    title: 'Exemptions',
    aces: [
      ['GROUP_EFR_OFFICERS', 'Contributor'],
      ['GROUP_EFR_LEADERS', 'Collaborator'],
    ],
  },
  {
    key: 'packages',
    name: '证据光盘',
    title: 'Evidence packages',
    aces: [['GROUP_EFR_LEGAL', 'Collaborator']],
  },
];

/** Local ACEs of the archive root: every EFR group reads, custodians manage; nobody else. */
export function archiveRootAces(groups: string[]): Ace[] {
  const all: Ace[] = [
    ...groups.map((g): Ace => ({ authorityId: g, name: 'Consumer', accessStatus: 'ALLOWED' })),
    { authorityId: 'GROUP_EFR_CUSTODIANS', name: 'Coordinator', accessStatus: 'ALLOWED' },
  ];
  return all.filter((a) => a.authorityId !== EVERYONE);
}

/** ACEs from a folder description. */
export function folderAces(f: ArchiveFolder): Ace[] {
  return f.aces.map(([authorityId, name]): Ace => ({ authorityId, name, accessStatus: 'ALLOWED' }));
}
