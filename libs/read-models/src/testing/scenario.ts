import { EventStore } from '@xb/event-store';
import { writeJointOperations, writeNotices } from './scenario-operations';
import { writeRepatriations, writeSuspectHandovers } from './scenario-cases-flow';
import { writeVerifications } from './scenario-verifications';
import { ScenarioWriter } from './scenario-writer';

export { CASES } from './scenario-cases';
export { COUNTERPART, OUR_AGENCY, ScenarioWriter } from './scenario-writer';

/** The moment the scenario's deadline statuses are judged at (UTC). */
export const SCENARIO_NOW = '2026-03-20T03:00:00.000Z';
/** The scenario's reporting period: March 2026 (UTC, half-open). */
export const MARCH_2026 = { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' } as const;

/** The parts of the history, in the order they are written (one case at a time within each part). */
export const SCENARIO_PARTS = [
  writeVerifications,
  writeRepatriations,
  writeSuspectHandovers,
  writeJointOperations,
  writeNotices,
] as const;

/**
 * Writes Lai Chau's February–March 2026 history with the Yunnan border police into `store`, through the
 * real deciders: our officers' commands and the counterpart's messages as inbound commands.
 */
export async function writeScenario(store: EventStore): Promise<void> {
  const writer = new ScenarioWriter(store);
  for (const part of SCENARIO_PARTS) await part(writer);
}
