// One woman met in three cases with two counterparts, recorded each time under another rendering of her name:
// the register proposes the others as candidates, an officer confirms, and her timeline shows all three cases.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deciderOf, isDomainError, PersonParticulars, ProcessCategory } from '@xb/domain';
import { handleCommand, SqliteEventStore } from '@xb/event-store';
import { hmacBlindIndexer } from '@xb/persons';
import { findRoute } from '../api/command-routes';
import { PersonRegister } from './person-register';

const NOW = new Date('2026-11-23T04:00:00Z');
const META = { now: NOW.toISOString(), actor: 'officer:7', agencyId: 'VN.BGC.LAICHAU' };
const id = (n: number) => `0193a7b2-0000-7000-8000-${String(n).padStart(12, '0')}`;
let ids = 1000;

const woman = (
  original: string,
  romanised: string,
  dateOfBirth: PersonParticulars['dateOfBirth'],
): PersonParticulars => ({
  name: { original, romanised },
  ...(dateOfBirth ? { dateOfBirth } : {}),
  sex: 'female',
  claimedNationality: 'VN',
  identityDocuments: [],
});

describe('person register', () => {
  let dir: string;
  let store: SqliteEventStore;
  let register: PersonRegister;
  /** The persons whose key is destroyed (the node asks its key store). */
  const erased = new Set<string>();
  const isErased = async (personId: string) => erased.has(personId);
  const indexer = hmacBlindIndexer(new Uint8Array(32).fill(9));

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xb-persons-'));
    store = new SqliteEventStore({ file: path.join(dir, 'events.db') });
    erased.clear();
    register = new PersonRegister(store, indexer, isErased);
    await register.start();
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Opens a case with the route table's example body, as the API would, for this person and counterpart. */
  async function openCase(
    category: ProcessCategory,
    resource: string,
    person: PersonParticulars,
    counterpart: string,
  ) {
    const route = findRoute(resource)!;
    const body = route.example(NOW);
    const caseId = id(ids++);
    const data =
      category === 'verification'
        ? { ...body, caseId, counterpart, subject: { role: 'victim', person } }
        : { ...body, caseId, counterpart, victim: person, children: [] };
    const outcome = await handleCommand(store, deciderOf(category), caseId, {
      type: route.command,
      data,
      metadata: { ...META, newIds: [id(ids++), id(ids++)] },
    });
    if (isDomainError(outcome)) throw new Error(`${route.command}: ${outcome.code} ${outcome.reason}`);
    return caseId;
  }

  async function recordFrom(
    category: ProcessCategory,
    resource: string,
    person: PersonParticulars,
    counterpart: string,
    place?: string,
  ) {
    const caseId = await openCase(category, resource, person, counterpart);
    const personId = id(ids++);
    const outcome = await register.record(
      {
        personId,
        particulars: person,
        ...(place ? { placeOfOrigin: place } : {}),
        firstRecord: { caseId, category, role: 'victim' },
      },
      META,
    );
    if (isDomainError(outcome)) throw new Error(`RecordPerson: ${outcome.code} ${outcome.reason}`);
    return { personId, caseId };
  }

  it('proposes the same woman across three cases and two counterparts, and shows one timeline once confirmed', async () => {
    const located = await recordFrom(
      'verification',
      'verifications',
      woman('罗氏梅', 'Luo Shi Mei', { year: 1995 }),
      'CN.YN.BORDERPOLICE',
    );
    const verified = await recordFrom(
      'verification',
      'verifications',
      woman('ລໍ ທິ ມາຍ', 'Lo Thi Mai', { year: 1996 }),
      'LA.MOS',
    );
    const repatriated = await recordFrom(
      'repatriation',
      'repatriations',
      woman('Lò Thị Mai', 'Lo Thi Mai', { year: 1995, month: 3, day: 12 }),
      'CN.YN.BORDERPOLICE',
      'VN-02',
    );
    // Another woman of the same surname and given name, a generation older, and one of another name.
    const mother = await recordFrom(
      'verification',
      'verifications',
      woman('Lò Thị Mai', 'Lo Thi Mai', { year: 1968 }),
      'LA.MOS',
      'VN-02',
    );
    const stranger = await recordFrom(
      'verification',
      'verifications',
      woman('Nguyễn Thị Hoa', 'Nguyen Thi Hoa', { year: 1995 }),
      'LA.MOS',
      'VN-02',
    );

    const proposed = (await register.candidates(repatriated.personId))!.map((c) => c.personId);
    expect(proposed).toEqual(expect.arrayContaining([located.personId, verified.personId]));
    expect(proposed).not.toContain(mother.personId);
    expect(proposed).not.toContain(stranger.personId);
    expect(proposed).not.toContain(repatriated.personId);

    // Nothing is merged until an officer confirms.
    const before = new Set(
      (await register.timeline(repatriated.personId))!.map((e) => e.caseId).filter(Boolean),
    );
    expect([...before]).toEqual([repatriated.caseId]);

    for (const other of [located.personId, verified.personId])
      expect(isDomainError(await register.confirmMatch(repatriated.personId, other, META, 0.8))).toBe(false);

    const timeline = (await register.timeline(repatriated.personId))!;
    expect(new Set(timeline.map((e) => e.caseId).filter(Boolean))).toEqual(
      new Set([located.caseId, verified.caseId, repatriated.caseId]),
    );
    // Every case's own steps and queued messages are in it, in the store's order.
    expect(
      timeline.some((e) => e.type === 'VerificationRequestDrafted' && e.caseId === verified.caseId),
    ).toBe(true);
    expect(timeline.some((e) => e.caseId === repatriated.caseId && e.type !== 'CaseRecordLinked')).toBe(true);
    const positions = timeline.map((e) => BigInt(e.position));
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    // No particular in any line.
    for (const line of timeline.map((e) => e.line))
      for (const name of ['Lò', 'Lo Thi', '罗', 'ລໍ', 'Luo']) expect(line).not.toContain(name);

    // Merged persons are no longer proposed; a merged person cannot be merged elsewhere.
    expect((await register.candidates(repatriated.personId))!.map((c) => c.personId)).not.toContain(
      located.personId,
    );
    const again = await register.confirmMatch(mother.personId, located.personId, META);
    expect(isDomainError(again) && again.code).toBe('INVALID_TRANSITION');
  });

  it('an erased person leaves the candidate index: no search finds them, before or after a restart', async () => {
    const located = await recordFrom(
      'verification',
      'verifications',
      woman('罗氏梅', 'Luo Shi Mei', { year: 1995 }),
      'CN.YN.BORDERPOLICE',
    );
    const verified = await recordFrom(
      'verification',
      'verifications',
      woman('ລໍ ທິ ມາຍ', 'Lo Thi Mai', { year: 1996 }),
      'LA.MOS',
    );
    expect((await register.candidates(verified.personId))!.map((c) => c.personId)).toContain(
      located.personId,
    );
    erased.add(located.personId);
    expect((await register.candidates(verified.personId))!.map((c) => c.personId)).not.toContain(
      located.personId,
    );
    expect(register.indexes(located.personId)).toBe(false);
    expect(await register.candidates(located.personId)).toEqual([]);
    const restarted = new PersonRegister(store, indexer, isErased);
    await restarted.start();
    expect(restarted.indexes(located.personId)).toBe(false);
    expect(restarted.indexes(verified.personId)).toBe(true);
    expect((await restarted.candidates(verified.personId))!.map((c) => c.personId)).not.toContain(
      located.personId,
    );
  });

  it('undoes a merge (a split) and keeps a rejection', async () => {
    const a = await recordFrom(
      'verification',
      'verifications',
      woman('Lò Thị Mai', 'Lo Thi Mai', { year: 1995 }),
      'LA.MOS',
      'VN-02',
    );
    const b = await recordFrom(
      'verification',
      'verifications',
      woman('罗氏梅', 'Luo Shi Mei', { year: 1995 }),
      'CN.YN.BORDERPOLICE',
    );
    const c = await recordFrom(
      'verification',
      'verifications',
      woman('LO THI MAI', 'LO THI MAI', { year: 1995 }),
      'CN.YN.BORDERPOLICE',
      'VN',
    );
    expect(isDomainError(await register.confirmMatch(a.personId, b.personId, META))).toBe(false);
    expect(isDomainError(await register.rejectMatch(a.personId, c.personId, META, 'another village'))).toBe(
      false,
    );
    expect((await register.candidates(a.personId))!.map((x) => x.personId)).toEqual([]);

    expect(isDomainError(await register.undoMerge(a.personId, b.personId, 'different mother', META))).toBe(
      false,
    );
    expect((await register.candidates(a.personId))!.map((x) => x.personId)).toEqual([b.personId]);
    const timeline = (await register.timeline(a.personId))!;
    expect(new Set(timeline.map((e) => e.caseId).filter(Boolean))).toEqual(new Set([a.caseId]));
    expect(timeline.map((e) => e.type)).toEqual(
      expect.arrayContaining(['MatchConfirmed', 'MatchRejected', 'MergeUndone']),
    );

    // The index is rebuilt from blind indexes alone after a restart, with the merge state kept.
    const restarted = new PersonRegister(store, indexer);
    await restarted.start();
    expect(restarted.size).toBe(3);
    expect((await restarted.candidates(a.personId))!.map((x) => x.personId)).toEqual([b.personId]);

    // With a case event last, the rebuild still ends, and reads the person streams and that last one only.
    const lastCase = await openCase(
      'verification',
      'verifications',
      woman('Lò Thị Mai', 'Lo Thi Mai', { year: 1995 }),
      'LA.MOS',
    );
    const delivered: string[] = [];
    const subscribe = store.subscribeToAll.bind(store);
    const watched = Object.assign(Object.create(store) as SqliteEventStore, {
      subscribeToAll: (options?: Parameters<SqliteEventStore['subscribeToAll']>[0]) => {
        const inner = subscribe(options);
        return Object.assign(
          (async function* () {
            for await (const event of inner) {
              delivered.push(event.streamId);
              yield event;
            }
          })(),
          { stop: () => inner.stop() },
        );
      },
    });
    const again = new PersonRegister(watched, indexer);
    await again.start();
    expect(again.size).toBe(3);
    expect(new Set(delivered.filter((s) => !s.startsWith('person-')))).toEqual(
      new Set([`verification-${lastCase}`]),
    );
    const all = await store.readAll({ maxCount: 10_000 });
    expect(delivered.length).toBeLessThan(all.length);
    expect(delivered.filter((s) => s.startsWith('person-')).length).toBe(
      all.filter((e) => e.streamId.startsWith('person-')).length,
    );

    // Under another key (a former register secret, a new master key) the records are indexed again from
    // their particulars, and found as before.
    const rekeyed = new PersonRegister(store, hmacBlindIndexer(new Uint8Array(32).fill(7)));
    await rekeyed.start();
    expect(rekeyed.size).toBe(3);
    expect((await rekeyed.candidates(a.personId))!.map((x) => x.personId)).toEqual([b.personId]);
  });

  it('refuses a malformed place by field name, and stores nothing', async () => {
    const outcome = await register.record(
      {
        personId: id(1),
        particulars: woman('Lò Thị Mai', 'Lo Thi Mai', { year: 1995 }),
        placeOfOrigin: 'Lai Chau',
      },
      META,
    );
    expect(outcome).toMatchObject({ code: 'VALIDATION_FAILED', fields: ['place'] });
    expect(JSON.stringify(outcome)).not.toContain('Lai');
    expect(register.size).toBe(0);
    const missing = await register.record({ personId: id(2), particulars: undefined as never }, META);
    expect(missing).toMatchObject({ code: 'VALIDATION_FAILED', fields: ['particulars.(missing)'] });
  });
});
