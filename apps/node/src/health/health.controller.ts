import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { inboxTopic } from '@xb/exchange';
import { AGENCY_NODE } from '../api/request-context';
import type { AgencyNode } from '../runtime/agency-node';

@Controller('health')
export class HealthController {
  constructor(@Inject(AGENCY_NODE) private readonly node: AgencyNode) {}

  @Get()
  health() {
    const failure = this.node.readModels.failure;
    // A failed projector leaves boards stale: say so, so a load balancer or an operator can act.
    if (failure) {
      throw new ServiceUnavailableException({
        status: 'degraded',
        reason: `projector stopped: ${failure instanceof Error ? failure.message : String(failure)}`,
      });
    }
    return {
      status: 'ready',
      agency: this.node.agencyId,
      roles: this.node.config.roles,
      inbox: inboxTopic(this.node.agencyId),
    };
  }
}
