import type { Period } from './period';

/** Verification requests exchanged with one counterpart. */
export interface VerificationRow {
  readonly counterpart: string;
  /** Requests we sent / received. */
  sent: number;
  received: number;
  /** Answers to our requests, and how many came by the deadline of their round. */
  answersReceived: number;
  answersReceivedOnTime: number;
  /** Our answers to their requests, and how many went by the deadline of their round. */
  answersGiven: number;
  answersGivenOnTime: number;
}

/** `handed_over`: we handed the person over to the counterpart; `received`: we took the person over. */
export type HandoverDirection = 'handed_over' | 'received';

export interface RepatriationRow {
  readonly direction: HandoverDirection;
  readonly counterpart: string;
  readonly borderGate: string;
  victims: number;
  children: number;
}

export interface SuspectRow {
  readonly direction: HandoverDirection;
  readonly counterpart: string;
  readonly borderGate: string;
  suspects: number;
}

export interface JointOperationRow {
  readonly caseId: string;
  readonly name: string;
  readonly counterpart: string;
  readonly startDate: string;
  readonly endDate: string;
  /** As at the end of the period. */
  readonly status: 'agreed' | 'closed';
  readonly units: number;
  readonly linkedCases: number;
  /** The joint result report's figures, once closed (its summary text is left out). */
  readonly results?: {
    readonly victimsRescued: number;
    readonly suspectsArrested: number;
    readonly casesInvestigated: number;
  };
}

export interface PeriodStatistics {
  readonly period: Period;
  readonly verification: readonly VerificationRow[];
  readonly repatriation: readonly RepatriationRow[];
  /** Reception of victims at a support facility confirmed (receiving side), with children. */
  readonly receptionsConfirmed: { victims: number; children: number };
  readonly suspects: readonly SuspectRow[];
  readonly jointOperations: readonly JointOperationRow[];
}

/** Where no schedule named a border gate (a hand-over recorded without one). */
export const NO_GATE = '(no schedule)';

const sortBy = <T>(rows: Iterable<T>, key: (row: T) => string): T[] =>
  [...rows].sort((a, b) => key(a).localeCompare(key(b)));

/** Accumulates the report's counts; rows are keyed by counterpart (and direction, border gate). */
export class StatisticsTally {
  private readonly verifications = new Map<string, VerificationRow>();
  private readonly repatriations = new Map<string, RepatriationRow>();
  private readonly suspectRows = new Map<string, SuspectRow>();
  private readonly jointOps: JointOperationRow[] = [];
  private readonly receptions = { victims: 0, children: 0 };

  constructor(private readonly period: Period) {}

  verification(
    counterpart: string,
    what: 'sent' | 'received' | 'answersReceived' | 'answersGiven',
    onTime = false,
  ) {
    let row = this.verifications.get(counterpart);
    if (!row) {
      row = {
        counterpart,
        sent: 0,
        received: 0,
        answersReceived: 0,
        answersReceivedOnTime: 0,
        answersGiven: 0,
        answersGivenOnTime: 0,
      };
      this.verifications.set(counterpart, row);
    }
    row[what] += 1;
    if (onTime && what === 'answersReceived') row.answersReceivedOnTime += 1;
    if (onTime && what === 'answersGiven') row.answersGivenOnTime += 1;
  }

  repatriation(
    direction: HandoverDirection,
    counterpart: string,
    gate: string | undefined,
    children: number,
  ) {
    const borderGate = gate ?? NO_GATE;
    const key = JSON.stringify([direction, counterpart, borderGate]);
    const row = this.repatriations.get(key) ?? {
      direction,
      counterpart,
      borderGate,
      victims: 0,
      children: 0,
    };
    row.victims += 1;
    row.children += children;
    this.repatriations.set(key, row);
  }

  reception(children: number) {
    this.receptions.victims += 1;
    this.receptions.children += children;
  }

  suspect(direction: HandoverDirection, counterpart: string, gate: string | undefined) {
    const borderGate = gate ?? NO_GATE;
    const key = JSON.stringify([direction, counterpart, borderGate]);
    const row = this.suspectRows.get(key) ?? { direction, counterpart, borderGate, suspects: 0 };
    row.suspects += 1;
    this.suspectRows.set(key, row);
  }

  jointOperation(row: JointOperationRow) {
    this.jointOps.push(row);
  }

  result(): PeriodStatistics {
    const place = (r: { direction: string; counterpart: string; borderGate: string }) =>
      `${r.direction}|${r.counterpart}|${r.borderGate}`;
    return {
      period: this.period,
      verification: sortBy(this.verifications.values(), (r) => r.counterpart),
      repatriation: sortBy(this.repatriations.values(), place),
      receptionsConfirmed: { ...this.receptions },
      suspects: sortBy(this.suspectRows.values(), place),
      jointOperations: sortBy(this.jointOps, (r) => `${r.startDate}|${r.caseId}`),
    };
  }
}
