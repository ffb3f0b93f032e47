/**
 * The boards, as data: where each reads, which columns and filters it shows. A new process's board is a
 * row here (and its read-model query in the node, paged like the others); its case page and forms need
 * nothing.
 */
export interface BoardDefinition {
  readonly name: string;
  readonly path: string;
  /** The case resource rows link to, and whose opening commands the board offers. */
  readonly resources: readonly string[];
  readonly idColumn: string;
  readonly columns: readonly string[];
  readonly filters: readonly (
    'direction' | 'status' | 'borderGate' | 'province' | 'counterpart' | 'from' | 'to' | 'overdue'
  )[];
  /** Where the caseId of a row lives when rows are of more than one resource. */
  readonly resourceOf?: (row: Record<string, unknown>) => string;
}

export const BOARDS: readonly BoardDefinition[] = [
  {
    name: 'verifications',
    path: '/api/verifications',
    resources: ['verifications'],
    idColumn: 'case_id',
    columns: ['status', 'direction', 'counterpart', 'purpose', 'subject_role', 'deadline', 'deadlineStatus'],
    filters: ['direction', 'status'],
  },
  {
    name: 'repatriations',
    path: '/api/repatriations',
    resources: ['repatriations'],
    idColumn: 'case_id',
    columns: [
      'status',
      'direction',
      'counterpart',
      'border_gate',
      'province',
      'handover_date',
      'children',
      'deadline',
      'deadlineStatus',
    ],
    filters: ['status', 'borderGate', 'province', 'counterpart', 'from', 'to', 'overdue'],
  },
  {
    name: 'suspect-handovers',
    path: '/api/console/boards/suspect-handovers',
    resources: ['suspect-handovers'],
    idColumn: 'case_id',
    columns: [
      'status',
      'direction',
      'counterpart',
      'warrant_reference',
      'border_gate',
      'handover_date',
      'deadline',
    ],
    filters: ['status', 'counterpart', 'overdue'],
  },
  {
    name: 'joint-operations',
    path: '/api/joint-operations',
    resources: ['joint-operations'],
    idColumn: 'operation_id',
    columns: ['title', 'status', 'counterpart', 'starts_on', 'ends_on', 'linkedCases'],
    filters: [],
  },
  {
    name: 'notices',
    path: '/api/console/boards/notices',
    resources: ['notices', 'hotline-tips'],
    idColumn: 'notice_id',
    columns: ['kind', 'direction', 'status', 'counterpart', 'processing_deadline', 'received_at'],
    filters: ['status', 'counterpart', 'overdue'],
    resourceOf: () => 'notices',
  },
  {
    name: 'locate-rescues',
    path: '/api/console/boards/locate-rescues',
    resources: ['locate-rescues'],
    idColumn: 'case_id',
    columns: [
      'status',
      'direction',
      'counterpart',
      'deadline',
      'progress_reports',
      'outcome_at',
      'opened_at',
    ],
    filters: ['status', 'counterpart', 'overdue'],
  },
  {
    name: 'wanted-persons',
    path: '/api/console/boards/wanted-persons',
    resources: ['wanted-persons'],
    idColumn: 'case_id',
    columns: [
      'status',
      'direction',
      'counterpart',
      'warrant_reference',
      'deadline',
      'progress_reports',
      'arrested_at',
    ],
    filters: ['status', 'counterpart', 'overdue'],
  },
  {
    name: 'liaison-meetings',
    path: '/api/liaison-meetings',
    resources: ['liaison-meetings'],
    idColumn: 'meeting_id',
    columns: ['kind', 'level', 'status', 'direction', 'counterpart', 'host', 'starts_at', 'actionItems'],
    filters: [],
  },
  {
    name: 'missions',
    path: '/api/missions',
    resources: ['missions'],
    idColumn: 'mission_id',
    columns: [
      'kind',
      'status',
      'direction',
      'counterpart',
      'members',
      'arrives_on',
      'departs_on',
      'entry_gate',
    ],
    filters: [],
  },
];
