/** Demo cases: act types of R2.1, stages of R3.2, realistic bureau case numbers. */
export const DEMO_CASES = [
  {
    caseNumber: '丹民罚〔2026〕12号',
    title: '某养老服务机构未按规定备案案',
    actType: 'penalty',
    stages: ['initiation', 'investigation'],
    status: 'open',
    handler: 'officer1',
    unit: '社会事务科',
    retentionYears: 30,
    openedDaysAgo: 20,
  },
  {
    caseNumber: '丹民许〔2026〕5号',
    title: '社会组织成立登记许可审查',
    actType: 'licensing',
    stages: ['initiation', 'investigation', 'decision'],
    status: 'open',
    handler: 'officer2',
    unit: '社会组织管理科',
    retentionYears: 10,
    openedDaysAgo: 12,
  },
  {
    caseNumber: '丹民检〔2026〕31号',
    title: '殡葬服务单位年度执法检查',
    actType: 'inspection',
    stages: ['initiation', 'investigation', 'decision', 'execution', 'archiving'],
    status: 'closed',
    handler: 'officer1',
    unit: '社会事务科',
    retentionYears: 5,
    openedDaysAgo: 60,
  },
  {
    caseNumber: 'EFR-2026-0004',
    title: '婚姻登记窗口投诉核查',
    actType: 'other',
    stages: ['initiation'],
    status: 'open',
    handler: 'officer2',
    unit: '婚姻登记处',
    retentionYears: 3,
    openedDaysAgo: 4,
  },
] as const;

/** Demo devices (R9.1: at least two per unit). */
export const DEMO_DEVICES = [
  {
    serial: 'BWC-2026-001',
    title: '执法记录仪 1号',
    model: 'DSJ-V9',
    kind: 'bodyCamera',
    status: 'issued',
    unit: '社会事务科',
    holder: 'officer1',
  },
  {
    serial: 'BWC-2026-002',
    title: '执法记录仪 2号',
    model: 'DSJ-V9',
    kind: 'bodyCamera',
    status: 'available',
    unit: '社会事务科',
    holder: undefined,
  },
  {
    serial: 'VR-2026-001',
    title: '录音笔 1号',
    model: 'SR-55',
    kind: 'voiceRecorder',
    status: 'available',
    unit: '社会组织管理科',
    holder: undefined,
  },
  {
    serial: 'BWC-2026-003',
    title: '执法记录仪 3号',
    model: 'DSJ-V9',
    kind: 'bodyCamera',
    status: 'inRepair',
    unit: '社会组织管理科',
    holder: undefined,
  },
] as const;

/** Demo recordings: three videos and one voice recording, sealed at handover. */
export const DEMO_RECORDINGS: {
  name: string;
  title: string;
  seconds: number;
  audioOnly: boolean;
  activity: string;
  location: string;
  secrecy: string;
  caseIndex?: number;
}[] = [
  {
    name: '20261124_093000_BWC-2026-001.mp4',
    title: '养老机构现场检查',
    seconds: 8,
    audioOnly: false,
    activity: 'routineInspection',
    location: '丹东市振兴区某养老院',
    secrecy: 'none',
    caseIndex: 0,
  },
  {
    name: '20261124_103000_BWC-2026-001.mp4',
    title: '调查取证：询问负责人',
    seconds: 8,
    audioOnly: false,
    activity: 'evidenceCollection',
    location: '丹东市振兴区某养老院办公室',
    secrecy: 'personalPrivacy',
    caseIndex: 0,
  },
  {
    name: '20261124_113000_BWC-2026-001.mp4',
    title: '送达检查通知书',
    seconds: 6,
    audioOnly: false,
    activity: 'documentService',
    location: '丹东市元宝区某殡葬服务站',
    secrecy: 'none',
    caseIndex: 2,
  },
  {
    name: '20261124_123000_VR-2026-001.m4a',
    title: '投诉人电话回访录音',
    seconds: 6,
    audioOnly: true,
    activity: 'complaintHandling',
    location: '丹东市民政局婚姻登记处',
    secrecy: 'none',
    caseIndex: 3,
  },
];
