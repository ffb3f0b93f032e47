import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { NODE_CONFIG, NodeConfig } from '@xb/config';
import { InboxHealth, inboxTopic } from '@xb/exchange';
import { INBOX_HEALTH, InboxHealthProbe } from '../runtime/inbox-health-probe';
import { MINUTES_HEALTH, MinutesHealthProbe } from '../runtime/minutes-health-probe';
import { ReadModels } from '../runtime/read-models';
import { projectorFacts } from './projector-facts';

@Controller('health')
export class HealthController {
  constructor(
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
    private readonly readModels: ReadModels,
    @Inject(INBOX_HEALTH) private readonly inboxHealth: InboxHealthProbe,
    @Inject(MINUTES_HEALTH) private readonly minutesHealth: MinutesHealthProbe,
  ) {}

  @Get()
  async health() {
    const projector = await projectorFacts(this.readModels);
    const inbox = this.inboxHealth();
    const minutes = this.minutesHealth();
    const projectorStopped = projector?.status === 'stopped';
    // A stopped projector or a stuck inbox partition: say so, so a load balancer or an operator can act.
    // Parked events do not: the boards lack those events only, and the facts below name them.
    const problems = [
      ...(projectorStopped ? [`projector stopped: ${projector.failure}`] : []),
      ...inboxProblems(inbox),
    ];
    const body = {
      agency: this.config.agencyId,
      roles: this.config.roles,
      inbox: { topic: inboxTopic(this.config.agencyId), ...inbox },
      // Minutes awaiting our signature are reported, not a failure: the signer tries again with back-off.
      ...(minutes ? { minutes } : {}),
      ...(projector ? { projector } : {}),
    };
    if (problems.length > 0)
      throw new ServiceUnavailableException({
        code: projectorStopped ? 'PROJECTOR_STOPPED' : 'INBOX_DEGRADED',
        status: 'degraded',
        reason: problems.join('; '),
        ...body,
      });
    return { status: 'ready', ...body };
  }
}

/** Parked receipts are reported, not a failure: they are re-sent, and our inbox moves on. */
function inboxProblems(inbox: InboxHealth | undefined): string[] {
  if (!inbox) return [];
  const problems = inbox.partitions.flatMap((p) =>
    p.failing
      ? [
          `inbox partition ${p.partition} failing since ${p.failing.since} (${p.failing.attempts} tries): ${p.failing.error}`,
        ]
      : [],
  );
  if (inbox.consumer === 'restarting')
    problems.push(`inbox consumer restarting: ${inbox.consumerError ?? ''}`);
  return problems;
}
