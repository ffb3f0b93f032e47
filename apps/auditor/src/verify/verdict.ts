import type { VerifyReport } from '@xb/audit';
import { EXIT, type ExitCode } from '../cli/io';

/** A failure found beside the chain walk: cross-anchors, the counterpart's copy, truncation signs. */
export interface Finding {
  readonly code: string;
  readonly message: string;
}

export type Verdict = 'INTACT' | 'INTEGRITY FAILURE' | 'NOT INDEPENDENTLY CHECKED' | 'UNSEALED TAIL';

export interface VerdictInput {
  readonly report: VerifyReport;
  readonly findings: readonly Finding[];
  /** Signers of verified seals that no source outside the audited data vouches for. */
  readonly unconfirmedSigners: readonly string[];
}

const EXIT_OF: Record<Verdict, ExitCode> = {
  INTACT: EXIT.ok,
  'INTEGRITY FAILURE': EXIT.integrityFailure,
  'NOT INDEPENDENTLY CHECKED': EXIT.unconfirmedKeys,
  'UNSEALED TAIL': EXIT.unsealedTail,
};

/**
 * The one-line result of `verify` and why, the worst first: anything altered or cut; then seals that only
 * keys from the audited data vouch for (a forger holding the files can sign those); then events no seal
 * covers yet. INTACT only when every event is sealed by a key vouched for from outside.
 */
export function verdictOf({ report, findings, unconfirmedSigners }: VerdictInput): {
  readonly verdict: Verdict;
  readonly exitCode: ExitCode;
  readonly reason: string | undefined;
} {
  const verdict: Verdict =
    !report.ok || findings.length > 0
      ? 'INTEGRITY FAILURE'
      : unconfirmedSigners.length > 0
        ? 'NOT INDEPENDENTLY CHECKED'
        : report.unsealedEvents > 0
          ? 'UNSEALED TAIL'
          : 'INTACT';
  const reason = {
    INTACT: undefined,
    'INTEGRITY FAILURE': undefined,
    'NOT INDEPENDENTLY CHECKED':
      `the seals verify only against keys found in the audited data (${unconfirmedSigners.join(', ')}); ` +
      'nothing independent confirms them: give --keys DIR or --public-key FILE from outside the data, or --fingerprint',
    'UNSEALED TAIL':
      report.sealsChecked === 0
        ? `no seal covers any of the ${report.unsealedEvents} events: the chain proves nothing yet`
        : `${report.unsealedEvents} events after the last seal are covered by no seal yet`,
  }[verdict];
  return { verdict, exitCode: EXIT_OF[verdict], reason };
}
