import { Controller, Get, Inject } from '@nestjs/common';
import { inboxTopic } from '@xb/exchange';
import { AGENCY_NODE } from '../api/request-context';
import type { AgencyNode } from '../runtime/agency-node';

@Controller('health')
export class HealthController {
  constructor(@Inject(AGENCY_NODE) private readonly node: AgencyNode) {}

  @Get()
  health() {
    return {
      status: 'ready',
      agency: this.node.agencyId,
      roles: this.node.config.roles,
      inbox: inboxTopic(this.node.agencyId),
    };
  }
}
