import { Controller, Get, Inject } from '@nestjs/common';
import { NODE_CONFIG, NodeConfig } from '@xb/config';
import { inboxTopic } from '@xb/exchange';

@Controller('health')
export class HealthController {
  constructor(@Inject(NODE_CONFIG) private readonly config: NodeConfig) {}

  @Get()
  health() {
    return {
      status: 'ready',
      agency: this.config.agencyId,
      roles: this.config.roles,
      inbox: inboxTopic(this.config.agencyId),
    };
  }
}
