/** A demo user and the EFR group it belongs to. */
export interface DemoUser {
  id: string;
  firstName: string;
  lastName?: string;
  group: string;
  jobTitle: string;
  /** The unit (执法部门) the person works in: ACS's cm:organization (R6.1). */
  organization?: string;
}

/** The EFR groups (DESIGN.md roles table) with their Chinese display names. */
export const EFR_GROUPS: { id: string; displayName: string }[] = [
  { id: 'GROUP_EFR_OFFICERS', displayName: '执法人员 Enforcement officers' },
  { id: 'GROUP_EFR_CUSTODIANS', displayName: '办公室（保管人） Office custodians' },
  { id: 'GROUP_EFR_OFFICE_DIRECTORS', displayName: '办公室主任 Office directors' },
  { id: 'GROUP_EFR_LEADERS', displayName: '局分管领导 Bureau leaders in charge' },
  { id: 'GROUP_EFR_SUPERVISORS', displayName: '机关党委（监督） Supervisors' },
  { id: 'GROUP_EFR_LEGAL', displayName: '法制 Legal affairs' },
  { id: 'GROUP_EFR_UNIT_HEADS', displayName: '执法部门负责人 Unit heads' },
];

/** Demo users (password `efr-demo` unless EFR_DEMO_PASSWORD). */
export const DEMO_USERS: DemoUser[] = [
  {
    id: 'officer1',
    firstName: '王',
    lastName: '明',
    group: 'GROUP_EFR_OFFICERS',
    jobTitle: '执法人员',
    organization: '社会事务科',
  },
  {
    id: 'officer2',
    firstName: '李',
    lastName: '强',
    group: 'GROUP_EFR_OFFICERS',
    jobTitle: '执法人员',
    organization: '社会组织管理科',
  },
  {
    id: 'custodian1',
    firstName: '张',
    lastName: '丽',
    group: 'GROUP_EFR_CUSTODIANS',
    jobTitle: '办公室保管人',
  },
  {
    id: 'custodian2',
    firstName: '刘',
    lastName: '芳',
    group: 'GROUP_EFR_CUSTODIANS',
    jobTitle: '办公室保管人',
  },
  {
    id: 'director1',
    firstName: '陈',
    lastName: '静',
    group: 'GROUP_EFR_OFFICE_DIRECTORS',
    jobTitle: '办公室主任',
  },
  {
    id: 'leader1',
    firstName: '赵',
    lastName: '国华',
    group: 'GROUP_EFR_LEADERS',
    jobTitle: '局分管领导',
  },
  {
    id: 'supervisor1',
    firstName: '孙',
    lastName: '伟',
    group: 'GROUP_EFR_SUPERVISORS',
    jobTitle: '机关党委监督员',
  },
  { id: 'legal1', firstName: '周', lastName: '敏', group: 'GROUP_EFR_LEGAL', jobTitle: '法制员' },
  {
    id: 'unithead1',
    firstName: '吴',
    lastName: '刚',
    group: 'GROUP_EFR_UNIT_HEADS',
    jobTitle: '执法部门负责人',
    organization: '社会事务科',
  },
];
