import { Command, CommandMetadata, Decider, DomainEvent, isDomainError } from '../decider';

/** An expected refusal: its code (reasons are for people and may be reworded). */
export interface ExpectedRefusal {
  readonly code: string;
  /** The fields it names, when they matter (checked only when given). */
  readonly fields?: readonly string[];
}

/**
 * Strict structural equality for JSON-like values: a key present with `undefined` differs from a key
 * left out, so an event never smuggles in an empty field unnoticed.
 */
export const sameValue = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every(
    (key) => Object.prototype.hasOwnProperty.call(b, key) && sameValue((a as never)[key], (b as never)[key]),
  );
};

const show = (value: unknown): string =>
  JSON.stringify(value, (_key, inner) => (inner === undefined ? '<undefined>' : inner), 2);

/**
 * Given/when/then for deciders (docs/conventions.md rule 5), for specs: it throws (failing the test) when
 * the decision differs. `given(decider, history).when(command).then(expectedEvents | { code })` folds
 * the history, decides, compares, and returns the state after the new events so a spec can check what
 * evolve made of them. It does not depend on jest, so it also compiles in the production build.
 */
export const given = <C extends Command, E extends DomainEvent, S>(
  decider: Decider<C, E, S>,
  history: readonly E[] = [],
) => ({
  when: (command: C) => {
    const before = history.reduce(decider.evolve, decider.initialState());
    const result = decider.decide(command, before);
    return {
      then: (expected: readonly E[] | ExpectedRefusal): S => {
        if (Array.isArray(expected)) {
          if (isDomainError(result) || !sameValue([...result], expected)) {
            throw new Error(`${command.type}: expected events\n${show(expected)}\nbut got\n${show(result)}`);
          }
          return result.reduce(decider.evolve, before);
        }
        const { code, fields } = expected as ExpectedRefusal;
        const fieldsDiffer =
          fields !== undefined && isDomainError(result) && !sameValue(result.fields, fields);
        if (!isDomainError(result) || result.code !== code || fieldsDiffer) {
          throw new Error(`${command.type}: expected refusal ${show(expected)}\nbut got\n${show(result)}`);
        }
        return before;
      },
    };
  },
});

/** Metadata of a test command unless overridden: an officer of VN.BGC.LAICHAU at a fixed time. */
export const TEST_METADATA: CommandMetadata = {
  now: '2026-11-23T04:00:00Z',
  actor: 'officer:7',
  agencyId: 'VN.BGC.LAICHAU',
};

/** A typed command builder for one process: `commandsOf<VerificationCommand>()('SendVerificationRequest', {})`. */
export const commandsOf =
  <C extends Command>() =>
  <T extends C['type']>(
    type: T,
    data: Extract<C, { type: T }>['data'],
    metadata: Partial<CommandMetadata> = {},
  ): C =>
    ({ type, data, metadata: { ...TEST_METADATA, ...metadata } }) as unknown as C;
