import { Controller, Get, Header } from '@nestjs/common';
import { ExchangeMetrics } from '@xb/exchange';
import { ReadModels } from '../runtime/read-models';
import { registerProjectorMetrics } from './projector-facts';

/** Prometheus scrape endpoint (exchange metrics and the process's own). Bind the node to a private address. */
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly exchange: ExchangeMetrics,
    readModels: ReadModels,
  ) {
    registerProjectorMetrics(exchange.registry, readModels);
  }

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4')
  async metrics(): Promise<string> {
    return this.exchange.registry.metrics();
  }
}
