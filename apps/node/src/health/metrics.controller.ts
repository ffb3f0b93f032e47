import { Controller, Get, Header, Inject } from '@nestjs/common';
import { AGENCY_NODE } from '../api/request-context';
import type { AgencyNode } from '../runtime/agency-node';

/** Prometheus scrape endpoint (exchange metrics and the process's own). Bind the node to a private address. */
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(AGENCY_NODE) private readonly node: AgencyNode) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4')
  async metrics(): Promise<string> {
    return this.node.metrics.registry.metrics();
  }
}
