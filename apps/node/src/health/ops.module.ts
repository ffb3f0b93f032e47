import { DynamicModule, Module } from '@nestjs/common';
import { Gauge, Registry } from 'prom-client';
import { overdueCounts } from '@xb/read-models';
import type { AgencyNode } from '../runtime/agency-node';
import { nodeParts } from '../runtime/node-providers';
import { HealthController } from './health.controller';
import { MetricsController } from './metrics.controller';

/**
 * /health and /metrics alone, for a process without the `api` role (gateway, projector, sealer), so
 * every role has a probe and a scrape target (docs/deployment.md). No officer route is served.
 */
@Module({})
export class OpsModule {
  static forNode(node: AgencyNode): DynamicModule {
    return {
      module: OpsModule,
      controllers: [HealthController, MetricsController],
      providers: nodeParts(node),
    };
  }
}

/** `xb_deadlines_overdue{process}`, counted from the read models at each scrape. */
export function registerOverdueGauge(registry: Registry, node: AgencyNode): void {
  new Gauge({
    name: 'xb_deadlines_overdue',
    help: 'Cases past their deadline and still awaiting an answer, by process',
    labelNames: ['process'],
    registers: [registry],
    async collect() {
      // Read models out of reach: the gauge keeps its last values, the rest of the scrape still serves.
      const counts = await overdueCounts(await node.readModels.db(), node.now().toISOString()).catch(
        () => ({}),
      );
      for (const [process, count] of Object.entries(counts)) this.set({ process }, count);
    },
  });
}
