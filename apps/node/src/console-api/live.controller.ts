import { Controller, Get, Inject, OnModuleDestroy, Optional, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { LiveEvent } from '@xb/console-contract';
import { PROCESS_CATEGORIES } from '@xb/domain';
import type { AllSubscription } from '@xb/event-store';
import { OFFICER_ACCOUNTS, Roles } from '../auth/auth.guard';
import { sessionTokenOf } from '../auth/session-cookie';
import type { OfficerAccounts } from '../officers/officer-accounts';
import { EVENT_STORE, EventStore } from './ports';

const HEARTBEAT_MS = 15_000;

/**
 * Server-sent events for the console: one line per new event of the store (position, stream, type and
 * time, never data, so no particulars leave this way), from the moment the page connects. The page
 * re-reads what an event touches. Browsers reconnect by themselves; `Last-Event-ID` resumes after the
 * last position seen, so nothing is missed across a reconnect.
 */
@Controller('api/console')
export class LiveController implements OnModuleDestroy {
  private readonly open = new Set<{ subscription: AllSubscription; response: Response }>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Optional() @Inject(OFFICER_ACCOUNTS) private readonly accounts?: OfficerAccounts,
  ) {}

  @Get('live')
  @Roles('liaison_officer', 'border_guard_command', 'auditor')
  async live(@Req() request: Request, @Res() response: Response) {
    const resume = request.headers['last-event-id'];
    const after =
      typeof resume === 'string' && /^\d{1,20}$/.test(resume)
        ? BigInt(resume)
        : ((await this.store.readAll({ direction: 'backwards', maxCount: 1 }))[0]?.position ?? -1n);
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    response.write('retry: 2000\n\n');
    const subscription = this.store.subscribeToAll(after >= 0n ? { after } : {});
    const entry = { subscription, response };
    this.open.add(entry);
    // A stream opened with a session ends at the first heartbeat after the session does (sign-out,
    // expiry, account disabled); the guard only saw the session when the stream opened.
    const sessionToken = request.headers.authorization ? undefined : sessionTokenOf(request.headers);
    const heartbeat = setInterval(() => {
      if (sessionToken && this.accounts && !this.accounts.session(sessionToken)) void subscription.stop();
      else response.write(': alive\n\n');
    }, HEARTBEAT_MS);
    const close = () => {
      clearInterval(heartbeat);
      this.open.delete(entry);
      void subscription.stop();
    };
    request.on('close', close);
    try {
      for await (const event of subscription) {
        const [category] = event.streamId.split('-', 1);
        const caseId = (PROCESS_CATEGORIES as readonly string[]).includes(category)
          ? event.streamId.slice(category.length + 1)
          : undefined;
        const line: LiveEvent = {
          position: event.position.toString(),
          stream: event.streamId,
          type: event.type,
          at: event.metadata.occurredAt,
          ...(caseId ? { category, caseId } : {}),
        };
        response.write(`id: ${line.position}\ndata: ${JSON.stringify(line)}\n\n`);
      }
    } finally {
      close();
      response.end();
    }
  }

  /** Ends every open stream, so the HTTP server can close. */
  async onModuleDestroy() {
    await Promise.all([...this.open].map(({ subscription }) => subscription.stop()));
  }
}
