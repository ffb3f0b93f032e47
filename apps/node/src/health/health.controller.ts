import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { inboxTopic } from '@xb/exchange';
import { AGENCY_NODE } from '../api/request-context';
import type { AgencyNode } from '../runtime/agency-node';
import { projectorFacts } from './projector-facts';

@Controller('health')
export class HealthController {
  constructor(@Inject(AGENCY_NODE) private readonly node: AgencyNode) {}

  @Get()
  async health() {
    const projector = await projectorFacts(this.node.readModels);
    // A stopped projector leaves boards stale: say so, so a load balancer or an operator can act. Parked
    // events do not: the boards lack those events only, and the facts below name them.
    if (projector?.status === 'stopped') {
      throw new ServiceUnavailableException({
        code: 'PROJECTOR_STOPPED',
        status: 'degraded',
        reason: `projector stopped: ${projector.failure}`,
        projector,
      });
    }
    return {
      status: 'ready',
      agency: this.node.agencyId,
      roles: this.node.config.roles,
      inbox: inboxTopic(this.node.agencyId),
      ...(projector ? { projector } : {}),
    };
  }
}
