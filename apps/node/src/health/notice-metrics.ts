import { Gauge, Registry } from 'prom-client';
import { noticeStateCounts, unprocessedNoticesPastDeadline } from '@xb/read-models';
import type { AgencyNode } from '../runtime/agency-node';

/**
 * The plans' target, every report received, classified and processed, as gauges read from the read
 * models when scraped: `xb_notices{source,state}` and `xb_notices_unprocessed_overdue{source}` (`tip`:
 * our hotline's, `notice`: from counterparts). Registered once per registry.
 */
export function registerNoticeGauges(registry: Registry, node: AgencyNode): void {
  if (registry.getSingleMetric('xb_notices')) return;
  new Gauge({
    name: 'xb_notices',
    help: 'Tips and notices that came to us, by source (tip, notice) and processing state',
    labelNames: ['source', 'state'],
    registers: [registry],
    async collect() {
      // Read models out of reach: the gauge keeps its last values, the rest of the scrape still serves.
      const counts = await noticeStateCounts(await node.readModels.db()).catch(() => undefined);
      for (const [source, states] of Object.entries(counts ?? {}))
        for (const [state, count] of Object.entries(states)) this.set({ source, state }, count);
    },
  });
  new Gauge({
    name: 'xb_notices_unprocessed_overdue',
    help: 'Tips and notices that came to us and are unprocessed past their processing deadline, by source',
    labelNames: ['source'],
    registers: [registry],
    async collect() {
      const counts = await unprocessedNoticesPastDeadline(
        await node.readModels.db(),
        node.now().toISOString(),
      ).catch(() => undefined);
      if (!counts) return;
      this.set({ source: 'tip' }, counts.tips);
      this.set({ source: 'notice' }, counts.notices);
    },
  });
}
