/**
 * Erasure by crypto-shredding (docs/confidentiality.md): a key administrator erases a repatriated
 * victim's case on a legal request. Afterwards the key is gone from the key store (its bytes too), the
 * case reads as erased through the API and the auditor's replay (which names who, when and on what
 * ground), `auditor verify` is intact (chain, seals, stored envelopes' signatures) and the exchange
 * history still lists the sent envelope by its digest. The counterpart receives an erasure notice over the
 * broker (ids only, with its receipt), records it, and its key administrator decides to erase its own
 * copy. No file the node wrote keeps the victim's blind name index. The gateway's retention job erases
 * a case closed longer than its period, on the node's clock.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { agencyKeyPaths } from '@xb/envelope';
import { keyStoreFile, KeyStore, LocalKeyManagement } from '@xb/protection';
import { hmacBlindIndexer, nameIndex } from '@xb/persons';
import { waitFor } from '@xb/testing';
import { historyCommand } from '../../auditor/src/commands/history';
import { replayCommand } from '../../auditor/src/commands/replay';
import { verifyCommand } from '../../auditor/src/commands/verify';
import { memoryIo } from '../../auditor/src/cli/io';
import { COMMAND_ROUTES } from './api/command-routes';
import { RunningNode } from './node-app';
import { prepareAgencies, startTestNode, storeOf, TestAgency, tokenFor } from './testing/node-pair';
import { callApi } from './testing/vn-cn-nodes';

/** The node's clock stands still (set once the agencies' keys exist, so they are valid at it). */
let NOW: Date;
const PERSON_ID = uuidv7();
const VICTIM = {
  personId: PERSON_ID,
  name: { original: 'Sùng Thị Dợ', romanised: 'Sung Thi Do' },
  dateOfBirth: { year: 2005, month: 4, day: 9 },
  sex: 'female',
  identityDocuments: [{ type: 'national_id', number: 'ER4411902736', issuingCountry: 'VN' }],
};

describe('erasing a victim (crypto-shredding), with the proofs kept', () => {
  jest.setTimeout(120_000);
  let root: string;
  let vn: TestAgency;
  let cn: TestAgency;
  let node: RunningNode | undefined;
  let counterpart: RunningNode | undefined;

  beforeAll(async () => {
    ({
      root,
      agencies: [vn, cn],
    } = await prepareAgencies(['VN.BGC.LAICHAU', 'CN.YN.BORDERPOLICE']));
    NOW = new Date(Math.ceil(Date.now() / 1000) * 1000 + 1000);
    node = await startTestNode(vn, { clock: () => NOW, sealEveryEvents: 5 });
    counterpart = await startTestNode(cn);
  });

  afterAll(async () => {
    await node?.stop();
    await counterpart?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const call = (roles: string[], method: string, url: string, body?: unknown) =>
    callOn(vn, node!, roles, method, url, body);
  const callOn = async (
    agency: TestAgency,
    on: RunningNode,
    roles: string[],
    method: string,
    url: string,
    body?: unknown,
  ) => callApi(on, await tokenFor(agency, { id: 'o-7', roles: roles as never }), method, url, body);

  it('destroys the key, records who/when/why, and leaves the trail, seals and envelopes verifiable', async () => {
    const example = COMMAND_ROUTES.find((r) => r.command === 'RequestRepatriation')!.example(NOW);
    const opened = await call(['liaison_officer'], 'POST', '/api/repatriations', {
      ...example,
      counterpart: cn.agencyId,
      victim: VICTIM,
      circumstances: 'Sung Thi Do was rescued in Jinping.',
    });
    expect(opened.status).toBe(201);
    const caseId = opened.body.caseId as string;
    const store = storeOf(vn);
    try {
      const [request] = await store.readStream(`repatriation-${caseId}`);
      const messageId = (request.data as { outbound: { messageId: string } }).outbound.messageId;
      await waitFor('the request sealed and sent', async () =>
        (await store.readStream(`exchange-${messageId}`).catch(() => [])).some(
          (e) => e.type === 'OutboundMessageDispatched',
        ),
      );

      const file = keyStoreFile(vn.dataDir);
      const db = new Database(file, { readonly: true });
      const { wrapped } = db
        .prepare(`SELECT wrapped FROM data_keys WHERE key_id = ?`)
        .get(`person:${PERSON_ID}`) as {
        wrapped: Buffer;
      };
      db.close();
      expect(wrapped.length).toBeGreaterThan(32);

      // Only the key administrator erases, and only on a ground it names.
      const body = { caseId, ground: 'legal_request', reference: 'QD 12/2026' };
      expect((await call(['liaison_officer'], 'POST', '/api/erasures', body)).status).toBe(403);
      expect(
        await call(['key_administrator'], 'POST', '/api/erasures', { caseId, ground: 'because' }),
      ).toMatchObject({
        status: 400,
        body: { code: 'VALIDATION_FAILED', field: 'ground' },
      });
      const erased = await call(['key_administrator'], 'POST', '/api/erasures', body);
      expect(erased).toMatchObject({
        status: 200,
        body: { erased: [`case:${caseId}`, `person:${PERSON_ID}`], notified: [cn.agencyId] },
      });

      // The counterpart is told over the broker (ids only), records it and puts it to its officer.
      const noticed = async () =>
        (await callOn(cn, counterpart!, ['key_administrator'], 'GET', '/api/erasure-notices')).body
          .notices as {
          messageId: string;
          status: string;
        }[];
      await waitFor(
        'the erasure notice recorded by the counterpart',
        async () => (await noticed()).length === 1,
      );
      const [notice] = await noticed();
      expect(notice).toMatchObject({
        status: 'awaiting_decision',
        from: vn.agencyId,
        erasureId: erased.body.erasureId,
        ground: 'legal_request',
        personIds: [PERSON_ID],
        cases: [{ caseId, messageIds: [messageId] }],
      });
      expect(JSON.stringify(notice)).not.toMatch(/Sung|Sùng|ER4411902736|2005/);
      await waitFor('the notice receipted', async () =>
        (await store.readStream(`exchange-${notice.messageId}`).catch(() => [])).some(
          (e) => e.type === 'OutboundMessageReceipted',
        ),
      );
      // Their key administrator decides: their own copy of the victim is erased too, once.
      const decision = { decision: 'erase', note: 'erased at VN request QD 12/2026' };
      const decisionUrl = `/api/erasure-notices/${notice.messageId}/decision`;
      expect(
        (await callOn(cn, counterpart!, ['liaison_officer'], 'POST', decisionUrl, decision)).status,
      ).toBe(403);
      expect(
        await callOn(cn, counterpart!, ['key_administrator'], 'POST', decisionUrl, decision),
      ).toMatchObject({
        status: 200,
        body: { decision: 'erase', erased: expect.arrayContaining([`person:${PERSON_ID}`]) },
      });
      expect(
        (await callOn(cn, counterpart!, ['key_administrator'], 'POST', decisionUrl, decision)).status,
      ).toBe(409);
      const theirs = await callOn(
        cn,
        counterpart!,
        ['liaison_officer'],
        'GET',
        `/api/repatriations/${caseId}?particulars=true&reason=erasure+check`,
      );
      expect(theirs.body.state.victim).toMatchObject({ erased: true, name: { romanised: '[erased]' } });
      // Their erasure follows our notice: it is not notified back to us.
      expect((await call(['key_administrator'], 'GET', '/api/erasure-notices')).body.notices).toEqual([]);

      // The key is gone: a tombstone, and its bytes nowhere in the key store's files.
      const keys = new KeyStore(file, LocalKeyManagement.forDataDir(vn.dataDir));
      expect(await keys.lookup(`person:${PERSON_ID}`)).toEqual({
        erased: {
          keyId: `person:${PERSON_ID}`,
          destroyedAt: NOW.toISOString(),
          destroyedBy: 'officer:o-7',
          ground: 'legal_request',
        },
      });
      keys.close();
      for (const f of fs.readdirSync(path.dirname(file)).map((n) => path.join(path.dirname(file), n))) {
        expect([f, fs.readFileSync(f).includes(wrapped)]).toEqual([f, false]);
      }

      // Whoever asks, with whatever right, reads it as erased.
      const view = await call(
        ['liaison_officer'],
        'GET',
        `/api/repatriations/${caseId}?particulars=true&reason=erasure+check`,
      );
      expect(view.status).toBe(200);
      expect(view.body.state.victim).toMatchObject({
        erased: true,
        name: { romanised: '[erased]' },
        sex: 'female',
      });
      expect(view.body.state.circumstances).toBe('[erased]');
      expect(JSON.stringify(view.body)).not.toMatch(/Sung Thi Do|ER4411902736/);
      // Nothing new is recorded about an erased person.
      const again = await call(['liaison_officer'], 'POST', '/api/repatriations', {
        ...example,
        counterpart: cn.agencyId,
        victim: VICTIM,
      });
      expect(again.status).toBeGreaterThanOrEqual(400);

      await node!.stop(); // seals to the end
      node = undefined;

      const io = memoryIo();
      // Intact, with keys vouched for from outside the data (the counterpart's trust store), and every
      // stored outbound envelope opened and its signature checked with our private key.
      const outside = [
        '--keys',
        agencyKeyPaths(cn.dataDir).trustDir,
        '--private-key',
        agencyKeyPaths(vn.dataDir).privateKey,
      ];
      expect([await verifyCommand(['--data-dir', vn.dataDir, ...outside], io), io.stdout.join('\n')]).toEqual(
        [0, expect.stringContaining('INTACT')],
      );
      const replayIo = memoryIo();
      expect(
        await replayCommand(
          ['--case', `repatriation-${caseId}`, '--json', '--data-dir', vn.dataDir],
          replayIo,
        ),
      ).toBe(0);
      const replay = JSON.parse(replayIo.stdout.join('\n'));
      expect(replay.erased).toEqual(expect.arrayContaining(['victim', 'circumstances']));
      expect(replay.state.victim).toBe('[erased]');
      expect(replay.erasures).toEqual([
        expect.objectContaining({
          erasedBy: 'officer:o-7',
          ground: 'legal_request',
          reference: 'QD 12/2026',
          erasedAt: NOW.toISOString(),
        }),
      ]);
      // No file the node wrote outside its key store keeps the victim's blind name index.
      const blind = nameIndex(
        hmacBlindIndexer(await LocalKeyManagement.forDataDir(vn.dataDir).blindIndexKey()),
        'Sung Thi Do',
      )!;
      const written = (fs.readdirSync(vn.dataDir, { recursive: true }) as string[])
        .map((f) => path.join(vn.dataDir, f))
        .filter((f) => fs.statSync(f).isFile() && !f.includes(`${path.sep}keys${path.sep}`));
      expect(written.length).toBeGreaterThan(0);
      for (const f of written) expect([f, fs.readFileSync(f).includes(blind)]).toEqual([f, false]);

      const historyIo = memoryIo();
      expect(
        await historyCommand(['--counterpart', cn.agencyId, '--json', '--data-dir', vn.dataDir], historyIo),
      ).toBe(0);
      const sent = JSON.parse(historyIo.stdout.join('\n')).entries.find(
        (e: { messageId: string }) => e.messageId === messageId,
      );
      expect(sent).toMatchObject({
        direction: 'out',
        envelopeSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
    } finally {
      await store.close();
    }
  });

  it('the gateway erases a case closed longer than its retention period, by the node clock', async () => {
    // Restarted with a retention period and a quick tick; the clock is the test's.
    node = await startTestNode(
      { ...vn, env: { ...vn.env, XB_RETENTION_DAYS: 'repatriation=30' } },
      { clock: () => NOW, retentionCheckMs: 50 },
    );
    const example = COMMAND_ROUTES.find((r) => r.command === 'RequestRepatriation')!.example(NOW);
    const personId = uuidv7();
    const opened = await call(['liaison_officer'], 'POST', '/api/repatriations', {
      ...example,
      counterpart: cn.agencyId,
      victim: { ...VICTIM, personId },
    });
    expect(opened.status).toBe(201);
    const caseId = opened.body.caseId as string;
    const cancel = COMMAND_ROUTES.find((r) => r.command === 'CancelRepatriation')!.example(NOW);
    expect(
      (await call(['liaison_officer'], 'POST', `/api/repatriations/${caseId}/cancel`, cancel)).status,
    ).toBe(200);
    const store = storeOf(vn);
    try {
      const erasures = async () =>
        (await store.readAll())
          .filter((e) => e.type === 'AuditParticularsErased')
          .map((e) => e.data as { caseId?: string; erasedBy: string; ground: string; keyIds: string[] });
      const ofCase = async () => (await erasures()).filter((e) => e.caseId === `repatriation-${caseId}`);
      // (Where the period ends, to the day, is the unit test's: retention.unit.spec.ts.)
      NOW = new Date(NOW.getTime() + 31 * 86_400_000);
      await waitFor('the retention job erased the case', async () => (await ofCase()).length === 1);
      expect((await ofCase())[0]).toMatchObject({
        erasedBy: 'system:retention',
        ground: 'retention_expired',
        keyIds: [`case:${caseId}`, `person:${personId}`],
      });
      // The counterpart is notified of it like of any erasure.
      await waitFor('the erasure notice queued', async () =>
        (await store.readAll()).some(
          (e) =>
            e.type === 'ErasureNoticeQueued' && (e.data as { ground: string }).ground === 'retention_expired',
        ),
      );
    } finally {
      await store.close();
    }
  });
});
