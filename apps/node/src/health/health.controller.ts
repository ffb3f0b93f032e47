import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { NODE_CONFIG, NodeConfig } from '@xb/config';
import { inboxTopic } from '@xb/exchange';
import { ReadModels } from '../runtime/read-models';

@Controller('health')
export class HealthController {
  constructor(
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
    private readonly readModels: ReadModels,
  ) {}

  @Get()
  health() {
    const failure = this.readModels.failure;
    // A failed projector leaves boards stale: say so, so a load balancer or an operator can act.
    if (failure) {
      throw new ServiceUnavailableException({
        status: 'degraded',
        reason: `projector stopped: ${failure instanceof Error ? failure.message : String(failure)}`,
      });
    }
    return {
      status: 'ready',
      agency: this.config.agencyId,
      roles: this.config.roles,
      inbox: inboxTopic(this.config.agencyId),
    };
  }
}
