/** FOR TESTS: writing the generated report year (report-year.ts) through the real deciders. */
import { v7 as uuidv7 } from 'uuid';
import { DECIDERS, isDomainError, type Command, type ProcessCategory } from '@xb/domain';
import { handleCommand, type EventStore } from '@xb/event-store';

export const US = 'VN.BGC.LAICHAU';

/** A local (UTC+7) time of 2026 as a UTC instant: `at(3, 16, '09:00')`. */
export const at = (month: number, day: number, time: string, year = 2026) =>
  new Date(
    `${year + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}T${time}:00+07:00`,
  ).toISOString();
export const date = (month: number, day: number) => at(month, day, '12:00').slice(0, 10);

let serial = 0;
/** Case ids numbered from 1 again at each `restartCaseIds()`, so each generated store names the same cases. */
export const restartCaseIds = () => {
  serial = 0;
};
export const newCaseId = () => `0196b000-0000-7000-8000-${String(++serial).padStart(12, '0')}`;

/** Writes commands through the one command handler; a refusal is a broken generator and throws. */
export class YearWriter {
  constructor(private readonly store: EventStore) {}

  async ours(category: ProcessCategory, caseId: string, type: string, data: unknown, now: string) {
    await this.run(category, caseId, {
      type,
      data,
      metadata: { now, actor: 'officer:liaison-3', agencyId: US, newIds: [uuidv7()] },
    });
  }

  async theirs(
    from: string,
    category: ProcessCategory,
    caseId: string,
    type: string,
    data: unknown,
    now: string,
  ) {
    await this.run(category, caseId, {
      type,
      data,
      metadata: { now, actor: `agency:${from}`, agencyId: US, messageId: uuidv7() },
    });
  }

  private async run(category: ProcessCategory, caseId: string, command: Command) {
    const decider = DECIDERS[category] as unknown as Parameters<typeof handleCommand>[1];
    const outcome = await handleCommand(this.store, decider, caseId, command);
    if (isDomainError(outcome))
      throw new Error(`report year: ${command.type} refused: ${outcome.code} ${outcome.reason}`);
  }
}
