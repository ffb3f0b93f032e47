import { Controller, Get, Header, Inject } from '@nestjs/common';
import { AGENCY_NODE } from '../api/request-context';
import type { AgencyNode } from '../runtime/agency-node';
import { registerProjectorMetrics } from './projector-facts';

/** Prometheus scrape endpoint (exchange metrics and the process's own). Bind the node to a private address. */
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(AGENCY_NODE) private readonly node: AgencyNode) {
    registerProjectorMetrics(node.metrics.registry, node.readModels);
  }

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4')
  async metrics(): Promise<string> {
    return this.node.metrics.registry.metrics();
  }
}
