import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { NODE_CONFIG, NodeConfig } from '@xb/config';
import { inboxTopic } from '@xb/exchange';
import { ReadModels } from '../runtime/read-models';
import { projectorFacts } from './projector-facts';

@Controller('health')
export class HealthController {
  constructor(
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
    private readonly readModels: ReadModels,
  ) {}

  @Get()
  async health() {
    const projector = await projectorFacts(this.readModels);
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
      agency: this.config.agencyId,
      roles: this.config.roles,
      inbox: inboxTopic(this.config.agencyId),
      ...(projector ? { projector } : {}),
    };
  }
}
