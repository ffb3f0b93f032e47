import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { InboxHealth, inboxTopic } from '@xb/exchange';
import { AGENCY_NODE } from '../api/request-context';
import type { AgencyNode } from '../runtime/agency-node';

@Controller('health')
export class HealthController {
  constructor(@Inject(AGENCY_NODE) private readonly node: AgencyNode) {}

  @Get()
  health() {
    const inbox = this.node.inboxHealth();
    const problems = [...projectorProblems(this.node.readModels.failure), ...inboxProblems(inbox)];
    const body = {
      agency: this.node.agencyId,
      roles: this.node.config.roles,
      inbox: { topic: inboxTopic(this.node.agencyId), ...inbox },
    };
    // A stopped projector or a stuck inbox partition: say so, so a load balancer or an operator can act.
    if (problems.length > 0)
      throw new ServiceUnavailableException({ status: 'degraded', reason: problems.join('; '), ...body });
    return { status: 'ready', ...body };
  }
}

function projectorProblems(failure: unknown): string[] {
  return failure
    ? [`projector stopped: ${failure instanceof Error ? failure.message : String(failure)}`]
    : [];
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
