/**
 * What every auditor command gets and returns: output sinks instead of process.stdout (so tests call the
 * commands as functions), the environment, and an exit code.
 */

/**
 * 0: intact / done; 1: integrity failure; 2: bad usage or configuration; `verify` only: 3 the sealed part is
 * intact but events after the last seal are covered by none; 4 the seals verify only against keys found in
 * the audited data, which nothing independent confirms.
 */
export const EXIT = { ok: 0, integrityFailure: 1, usage: 2, unsealedTail: 3, unconfirmedKeys: 4 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export interface CommandIo {
  /** The command's result (human text or JSON). */
  readonly out: (text: string) => void;
  /** Progress, warnings and errors. */
  readonly err: (text: string) => void;
  /** Environment for defaults (XB_DATA_DIR, XB_AGENCY_ID, XB_KEY_PASSPHRASE). */
  readonly env: NodeJS.ProcessEnv;
  /** The wall clock, for progress and default times. Default: Date.now. */
  readonly clock?: () => number;
}

/** A usage or configuration mistake: reported with exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Collects output in memory: for tests and for `--out FILE`. */
export function memoryIo(env: NodeJS.ProcessEnv = {}): CommandIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, env, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}
