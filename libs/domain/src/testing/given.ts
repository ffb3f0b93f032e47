import { Command, CommandMetadata, Decider, DomainEvent, isDomainError } from '../decider';

/** An expected refusal: its code (reasons are for people and may be reworded). */
export interface ExpectedRefusal {
  readonly code: string;
}

/**
 * Given/when/then for deciders (STYLE.md guideline 5), for specs only: it asserts with jest's `expect`.
 * `given(decider, history).when(command).then(expectedEvents | { code })` folds the history, decides,
 * compares, and returns the state after the new events so a spec can check what evolve made of them.
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
          expect(isDomainError(result) ? result : [...(result as readonly E[])]).toStrictEqual(expected);
          return (result as readonly E[]).reduce(decider.evolve, before);
        }
        const { code } = expected as ExpectedRefusal;
        expect(isDomainError(result) ? result.code : result).toEqual(code);
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
