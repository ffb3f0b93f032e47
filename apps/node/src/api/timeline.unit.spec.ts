import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteEventStore } from '@xb/event-store';
import { DEADLINE_ESCALATED, escalationStreamOf } from '@xb/read-models';
import { caseTimeline } from './timeline';

/** A case's timeline shows the escalations of its deadlines, kept in streams of their own. */
describe('case timeline escalations', () => {
  let dir: string;
  let store: SqliteEventStore;
  const caseId = '0193a7b2-0000-7000-8000-000000000901';
  const meta = (occurredAt: string) => ({
    correlationId: caseId,
    actor: 'officer:7',
    occurredAt,
    schemaVersion: 1,
  });
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xb-timeline-'));
    store = new SqliteEventStore({ file: path.join(dir, 'events.sqlite') });
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists the escalation of a deadline the case waited on, and nothing of another case', async () => {
    await store.appendToStream(`rescue-${caseId}`, [
      {
        type: 'LocateRescueRequested',
        data: {
          caseId,
          requestingAgency: 'VN.BGC.LAICHAU',
          requestedAgency: 'CN.YN.BORDERPOLICE',
          deadline: '2026-12-01T00:00:00Z',
          outbound: { messageId: 'm-req', counterpart: 'CN.YN.BORDERPOLICE', kind: 'LocateRescueRequest' },
        },
        metadata: meta('2026-11-30T00:00:00Z'),
      },
    ]);
    const escalation = (id: string, ref: string) => ({
      type: DEADLINE_ESCALATED,
      data: {
        category: 'rescue',
        caseId: id,
        kind: 'rescue_acknowledgement',
        ref,
        due: '2026-12-01T00:00:00Z',
      },
      metadata: { ...meta('2026-12-01T00:01:00Z'), actor: 'system:escalation' },
    });
    await store.appendToStream(escalationStreamOf(caseId, 'rescue_acknowledgement', 'm-req'), [
      escalation(caseId, 'm-req'),
    ]);
    await store.appendToStream(escalationStreamOf('other', 'rescue_acknowledgement', 'm-req'), [
      escalation('other', 'm-req'),
    ]);
    const lines = (await caseTimeline(store, `rescue-${caseId}`))!.filter(
      (e) => e.type === DEADLINE_ESCALATED,
    );
    expect(lines).toEqual([
      expect.objectContaining({
        actor: 'system:escalation',
        line: 'deadline passed: rescue_acknowledgement due 2026-12-01T00:00:00Z, escalated to the duty officer',
      }),
    ]);
  });

  it("shows each message's handling code and evaluation: ours as sent (the kind's default unless chosen), theirs as received", async () => {
    const restricted = {
      dissemination: 'receiving_agency',
      evidentialUse: 'intelligence_only',
      conditions: 'No copies',
    };
    await store.appendToStream(`notice-${caseId}`, [
      {
        type: 'InformationNoticeReceived',
        data: {
          caseId,
          category: 'case_information',
          title: 't',
          content: 'c',
          sender: 'CN.YN.BORDERPOLICE',
          recipient: 'VN.BGC.LAICHAU',
          processingDeadline: '2026-12-01T00:00:00Z',
          inbound: {
            messageId: 'in-1',
            counterpart: 'CN.YN.BORDERPOLICE',
            handling: restricted,
            evaluation: { source: 'b' },
          },
        },
        metadata: meta('2026-11-30T00:00:00Z'),
      },
      {
        type: 'DisseminationRequested',
        data: {
          requestId: 'm-1',
          recipient: 'LA.PHONGSALY.POLICE',
          purpose: 'p',
          outbound: { messageId: 'm-1', counterpart: 'CN.YN.BORDERPOLICE', kind: 'DisseminationRequest' },
        },
        metadata: meta('2026-11-30T00:01:00Z'),
      },
    ]);
    const timeline = (await caseTimeline(store, `notice-${caseId}`))!;
    expect(timeline.map(({ type, handling, evaluation }) => ({ type, handling, evaluation }))).toEqual([
      { type: 'InformationNoticeReceived', handling: restricted, evaluation: { source: 'b' } },
      {
        type: 'DisseminationRequested',
        handling: { dissemination: 'receiving_agency', evidentialUse: 'permitted' },
        evaluation: undefined,
      },
    ]);
  });
});
