import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deciderOf, isDomainError } from '@xb/domain';
import { handleCommand, SqliteEventStore } from '@xb/event-store';
import { COMMAND_ROUTES } from '../api/command-routes';
import { caseAsOf, commandView, nextActions } from './case-views';

const caseId = '0193a7b2-0000-7000-8000-0000000000c1';
const draftedAt = new Date('2031-03-01T02:00:00Z');
// A Chinese liaison officer: the route table's verification request is China's, to Vietnam.
const officer = { id: 'lo-17', agency: 'CN.YN.BORDERPOLICE', roles: ['liaison_officer'] } as const;

describe('console case views', () => {
  let dir: string;
  let store: SqliteEventStore;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xb-case-views-'));
    store = new SqliteEventStore({ file: path.join(dir, 'events.db') });
    const draft = COMMAND_ROUTES.find((r) => r.command === 'DraftVerificationRequest')!;
    const outcome = await handleCommand(store, deciderOf('verification'), caseId, {
      type: draft.command,
      data: { caseId, ...draft.example(draftedAt) },
      metadata: {
        now: draftedAt.toISOString(),
        actor: `officer:${officer.id}`,
        agencyId: officer.agency,
        newIds: ['0193a7b2-0000-7000-8000-0000000000c2'],
      },
    });
    expect(isDomainError(outcome) ? outcome : 'recorded').toBe('recorded');
  });

  afterAll(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("offers the steps the case's process allows now, and hides the others", async () => {
    const actions = await nextActions(store, 'verification', caseId, officer, draftedAt);
    const allowed = Object.fromEntries((actions ?? []).map((a) => [a.action, a.allowedNow]));
    expect(allowed.send).toBe(true);
    expect(allowed.answer).toBe(false);
    expect(await nextActions(store, 'repatriation', caseId, officer, draftedAt)).toBeUndefined();
  });

  it('offers the hand-over only once its minutes are co-signed, the minutes before it', async () => {
    const handover = '0193a7b2-0000-7000-8000-0000000000d1';
    // A Vietnamese officer: the route table's request is to China, so Vietnam holds the suspect here.
    const holding = { id: 'lo-18', agency: 'VN.BGC.LAICHAU', roles: ['liaison_officer'] } as const;
    const example = (command: string) =>
      COMMAND_ROUTES.find((r) => r.command === command)!.example(draftedAt);
    let id = 0xd2;
    const run = async (type: string, data: unknown, from?: string) => {
      const messageId = `0193a7b2-0000-7000-8000-0000000000${(id++).toString(16)}`;
      const metadata = from
        ? { now: draftedAt.toISOString(), actor: `agency:${from}`, agencyId: holding.agency, messageId }
        : {
            now: draftedAt.toISOString(),
            actor: `officer:${holding.id}`,
            agencyId: holding.agency,
            newIds: [messageId],
          };
      const outcome = await handleCommand(store, deciderOf('handover'), handover, { type, data, metadata });
      expect(isDomainError(outcome) ? outcome : 'recorded').toBe('recorded');
    };
    const allowed = async () =>
      Object.fromEntries(
        ((await nextActions(store, 'handover', handover, holding, draftedAt)) ?? []).map((a) => [
          a.action,
          a.allowedNow,
        ]),
      );
    // China asks; Vietnam holds the suspect, accepts and schedules.
    const { counterpart, ...request } = example('RequestSuspectHandover');
    await run('ReceiveSuspectHandoverRequest', { ...request, caseId: handover }, String(counterpart));
    await run('AcceptSuspectHandover', {});
    await run('ScheduleSuspectHandover', example('ScheduleSuspectHandover'));
    expect(await allowed()).toMatchObject({ minutes: true, handover: false });
    await run('ProposeSuspectHandoverMinutes', {
      ...example('ProposeSuspectHandoverMinutes'),
      officers: [
        { agency: holding.agency, name: 'Nguyen Van An', position: 'Captain' },
        { agency: String(counterpart), name: 'Li Wei', position: 'Inspector' },
      ],
    });
    const { minutes } = (await caseAsOf(store, 'handover', handover, draftedAt.toISOString()))!.state as {
      minutes: { minutes: { minutesId: string } };
    };
    await run('SignSuspectHandoverMinutes', { minutesId: minutes.minutes.minutesId, signature: 'c2lnQ04=' });
    expect(await allowed()).toMatchObject({ minutes: false, handover: false });
    const countersignature = { minutes: minutes.minutes, signature: 'c2lnVk4=' };
    await run('ReceiveSuspectHandoverMinutesCountersignature', countersignature, String(counterpart));
    expect(await allowed()).toMatchObject({ handover: true });
  });

  it("pre-selects the codes of the message a step queues: its kind's defaults; none for a step without one", async () => {
    const actions = await nextActions(store, 'verification', caseId, officer, draftedAt);
    const send = actions?.find((a) => a.action === 'send');
    expect(send?.headerCodes).toEqual({
      handling: { dissemination: 'receiving_agency', evidentialUse: 'after_formal_request' },
    });
    const notice = COMMAND_ROUTES.find((r) => r.command === 'SendInformationNotice')!;
    expect(commandView(notice, draftedAt).headerCodes).toEqual({
      handling: { dissemination: 'law_enforcement', evidentialUse: 'intelligence_only' },
      evaluation: { source: 'b', information: 'known_to_source' },
    });
    const tip = COMMAND_ROUTES.find((r) => r.command === 'RecordHotlineTip')!;
    expect(commandView(tip, draftedAt).headerCodes).toBeUndefined();
  });

  it('folds the case up to the moment asked for', async () => {
    const before = await caseAsOf(store, 'verification', caseId, '2031-03-01T01:00:00Z');
    expect(before).toMatchObject({ eventsFolded: 0, eventsAfter: 1, state: { status: 'none' } });
    const after = await caseAsOf(store, 'verification', caseId, '2031-03-01T03:00:00Z');
    expect(after).toMatchObject({ eventsFolded: 1, eventsAfter: 0 });
    expect(after?.state).not.toMatchObject({ status: 'none' });
  });
});
