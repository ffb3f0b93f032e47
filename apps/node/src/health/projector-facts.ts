import { Gauge, Registry } from 'prom-client';
import { failureKind } from '@xb/read-models';
import type { ReadModels } from '../runtime/read-models';

/** Parked events listed on /health; the rest are counted (and listed by `read-models:rebuild -- --parked`). */
const LISTED = 10;

/**
 * What /health says about the projector: how far it is, what it parked, and why it stopped if it did,
 * by kind only (a failure's message may quote an event's particulars). Undefined without a projector.
 */
export async function projectorFacts(readModels: ReadModels) {
  const parked = readModels.parkedCount;
  if (parked === undefined) return undefined;
  const failure = readModels.failure;
  return {
    status: failure === undefined ? 'running' : 'stopped',
    ...(failure === undefined ? {} : { failure: failureKind(failure) }),
    position: readModels.position?.toString() ?? null,
    parked,
    parkedEvents: (await readModels.parkedEvents(LISTED)).map((event) => ({
      ...event,
      position: event.position.toString(),
    })),
  };
}

/** The projector's gauges on the node's registry, read when scraped; registered once per registry. */
export function registerProjectorMetrics(registry: Registry, readModels: ReadModels): void {
  if (registry.getSingleMetric('xb_projector_parked_events')) return;
  new Gauge({
    name: 'xb_projector_parked_events',
    help: 'Events the read-model projector could not apply and parked for a replay',
    registers: [registry],
    collect() {
      this.set(readModels.parkedCount ?? 0);
    },
  });
  new Gauge({
    name: 'xb_projector_stopped',
    help: '1 when the read-model projector stopped (it could not even park an event), else 0',
    registers: [registry],
    collect() {
      this.set(readModels.failure === undefined ? 0 : 1);
    },
  });
}
