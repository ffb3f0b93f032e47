import fs from 'node:fs';
import path from 'node:path';
import { collectEvents } from '@xb/event-store';
import {
  AgencyDirectoryFile,
  agencyKeyPaths,
  generateAgencyKey,
  readAgencyPrivateKey,
  readPublicKeyCached,
  signBytes,
} from '@xb/envelope';
import { waitFor } from '@xb/testing';
import { generate } from './keys/key-commands';
import { RunningNode } from './node-app';
import { directoryPaths, signatureFileOf } from './runtime/node-directory';
import { exchangeFacts, queueNotices } from './testing/exchange-facts';
import { freePort, prepareAgencies, startTestNode, storeOf, TestAgency, tokenFor } from './testing/node-pair';

/**
 * The three-level mechanism's signed directory over the real broker: a central key signs it, each node
 * picks it up while running, and a rotation and a revocation it carries change what the gateway seals
 * to and what it accepts, with no restart of the node whose trust changes (VN here).
 */
describe('signed agency directory: trust updated in a running node', () => {
  jest.setTimeout(180_000);
  let root: string;
  let vn: TestAgency;
  let cn: TestAgency;
  let central: {
    id: string;
    sign: (bytes: Uint8Array) => Promise<Uint8Array>;
    armored: string;
    fingerprint: string;
  };
  let vnNode: RunningNode;
  let cnNode: RunningNode;
  const hourAgo = new Date(Date.now() - 3_600_000).toISOString();

  const publicKeyOf = async (agency: TestAgency) => {
    const armored = fs.readFileSync(agencyKeyPaths(agency.dataDir).publicKey, 'utf8');
    return { armored, fingerprint: (await readPublicKeyCached(armored)).getFingerprint() };
  };
  const keyEntry = (key: { armored: string; fingerprint: string }, extra: Record<string, string> = {}) => ({
    fingerprint: key.fingerprint,
    validFrom: hourAgo,
    publicKey: key.armored,
    ...extra,
  });

  function directory(serial: number, keys: { vn: object[]; cn: object[] }): AgencyDirectoryFile {
    return {
      format: 'xborder-agency-directory/1',
      serial,
      issuedAt: new Date().toISOString(),
      issuer: central.id,
      agencies: [
        { agencyId: central.id, country: 'VN', level: 'central', pairedWith: [], keys: [keyEntry(central)] },
        {
          agencyId: vn.agencyId,
          country: 'VN',
          level: 'provincial',
          pairedWith: [cn.agencyId],
          keys: keys.vn as never,
        },
        {
          agencyId: cn.agencyId,
          country: 'CN',
          level: 'provincial',
          pairedWith: [vn.agencyId],
          keys: keys.cn as never,
        },
      ],
    };
  }

  /** Drops a directory into an agency's incoming/ (signature first, as an operator's fetch would). */
  async function deliver(agency: TestAgency, file: AgencyDirectoryFile, signature?: 'none' | Uint8Array) {
    const bytes = new TextEncoder().encode(JSON.stringify(file, null, 2));
    const target = directoryPaths(agency.dataDir).incoming;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (signature === 'none') fs.rmSync(signatureFileOf(target), { force: true });
    else fs.writeFileSync(signatureFileOf(target), signature ?? (await central.sign(bytes)));
    fs.writeFileSync(target, bytes);
  }

  const serialOf = (node: RunningNode) => node.node.directory.current?.serial;

  beforeAll(async () => {
    ({
      root,
      agencies: [vn, cn],
    } = await prepareAgencies(['VN.BGC.LAICHAU', 'CN.YN.BORDERPOLICE'], { XB_ROLES: 'gateway' }));
    const centralId = `VN.MPS.${vn.agencyId.split('.').pop()}`;
    const generated = await generateAgencyKey({ agencyId: centralId });
    const privateKey = await readAgencyPrivateKey(generated.privateKeyArmored);
    central = {
      id: centralId,
      sign: (bytes) => signBytes(bytes, privateKey),
      armored: generated.publicKeyArmored,
      fingerprint: generated.fingerprint,
    };
    for (const agency of [vn, cn]) {
      const dir = directoryPaths(agency.dataDir).centralKeysDir;
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `${central.fingerprint}.asc`), central.armored);
    }
    const [vnKey, cnKey] = [await publicKeyOf(vn), await publicKeyOf(cn)];
    const first = directory(1, { vn: [keyEntry(vnKey)], cn: [keyEntry(cnKey)] });
    await deliver(vn, first);
    await deliver(cn, first);
    vnNode = await startTestNode(vn, { directoryCheckMs: 50 });
    cnNode = await startTestNode(cn, { directoryCheckMs: 50 });
    await waitFor('both nodes on directory 1', async () => serialOf(vnNode) === 1 && serialOf(cnNode) === 1);
  });

  afterAll(async () => {
    for (const node of [vnNode, cnNode]) await node?.stop().catch(() => undefined);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('seals to a counterpart key rotated by a newer directory, and refuses a key a newer one revokes', async () => {
    const vnStore = storeOf(vn);
    const cnStore = storeOf(cn);
    try {
      await queueNotices(vnStore, vn.agencyId, cn.agencyId, 1);
      await waitFor(
        'a notice under directory 1',
        async () => (await exchangeFacts(vnStore, cnStore)).delivered.distinct === 1,
      );

      // CN rotates its own key (its own key is loaded at its start) and keeps no copy of the old one, so
      // it can open only what is sealed to the new key.
      const oldCn = await publicKeyOf(cn);
      await cnNode.stop();
      await generate({ agencyId: cn.agencyId, dataDir: cn.dataDir, now: new Date() }, { rotate: true });
      fs.rmSync(agencyKeyPaths(cn.dataDir).retiredDir, { recursive: true, force: true });
      const newCn = await publicKeyOf(cn);
      const vnKey = await publicKeyOf(vn);
      const rotated = directory(2, {
        vn: [keyEntry(vnKey)],
        cn: [
          keyEntry(newCn, { validFrom: new Date(Date.now() - 60_000).toISOString() }),
          keyEntry(oldCn, { validUntil: new Date(Date.now() + 86_400_000).toISOString() }),
        ],
      });
      await deliver(cn, rotated);
      cnNode = await startTestNode(cn, { directoryCheckMs: 50 });
      await deliver(vn, rotated);
      await waitFor(
        'VN on directory 2 without a restart',
        async () => serialOf(vnNode) === 2 && serialOf(cnNode) === 2,
      );

      await queueNotices(vnStore, vn.agencyId, cn.agencyId, 1);
      await waitFor(
        'a notice sealed to the rotated key, opened and receipted (signed with it) by CN',
        async () => (await exchangeFacts(vnStore, cnStore)).delivered.distinct === 2,
      );
      expect((await exchangeFacts(vnStore, cnStore)).refusedAtReceiver).toEqual([]);

      // The central level revokes CN's new key: VN's running gateway refuses what CN signs with it.
      await deliver(
        vn,
        directory(3, {
          vn: [keyEntry(vnKey)],
          cn: [
            keyEntry(newCn, {
              validFrom: new Date(Date.now() - 60_000).toISOString(),
              revokedAt: new Date().toISOString(),
              revocationReason: 'key compromised',
            }),
            keyEntry(oldCn, { revokedAt: new Date().toISOString(), revocationReason: 'rotated out' }),
          ],
        }),
      );
      await waitFor('VN on directory 3', async () => serialOf(vnNode) === 3);
      await queueNotices(cnStore, cn.agencyId, vn.agencyId, 1);
      await waitFor('the revoked key refused by VN with its reason', async () =>
        (await exchangeFacts(cnStore, vnStore)).refusedAtReceiver.includes('KEY_REVOKED'),
      );
      expect((await exchangeFacts(cnStore, vnStore)).applied.events).toBe(0);
    } finally {
      await Promise.all([vnStore.close(), cnStore.close()]);
    }
  });

  it('refuses an unsigned, a wrongly signed and a replayed directory with a reason, audited, trust unchanged', async () => {
    const vnStore = storeOf(vn);
    try {
      const before = serialOf(vnNode)!;
      const vnKey = await publicKeyOf(vn);
      const next = directory(before + 1, { vn: [keyEntry(vnKey)], cn: [keyEntry(await publicKeyOf(cn))] });
      const refusals = async () =>
        (await collectEvents(vnStore))
          .filter((e) => e.type === 'AuditAgencyDirectoryRefused')
          .map((e) => (e.data as { code: string; field?: string }).code);

      await deliver(vn, next, 'none');
      await waitFor('the unsigned one refused', async () =>
        (await refusals()).includes('DIRECTORY_UNSIGNED'),
      );

      // Signed by VN's own agency key: a real signature, but not a central key's.
      const bytes = new TextEncoder().encode(JSON.stringify(next, null, 2));
      const vnPrivate = await readAgencyPrivateKey(
        fs.readFileSync(agencyKeyPaths(vn.dataDir).privateKey, 'utf8'),
      );
      await deliver(vn, next, await signBytes(bytes, vnPrivate));
      await waitFor('the wrongly signed one refused', async () =>
        (await refusals()).includes('DIRECTORY_BAD_SIGNATURE'),
      );

      // A directory the central level really signed, but older than the one the node runs on.
      await deliver(
        vn,
        directory(before - 1, { vn: [keyEntry(vnKey)], cn: [keyEntry(await publicKeyOf(cn))] }),
      );
      await waitFor('the replayed one refused', async () =>
        (await refusals()).includes('DIRECTORY_REPLAYED'),
      );

      expect(serialOf(vnNode)).toBe(before);
      expect(vnNode.node.directory.verdict).toMatchObject({
        outcome: 'refused',
        code: 'DIRECTORY_REPLAYED',
        field: 'serial',
      });
    } finally {
      await vnStore.close();
    }
  });

  it('opens cases only with the counterparts the directory pairs the agency with', async () => {
    // VN's API process, beside its gateway: it reads the accepted directory at its start.
    const api = await startTestNode({
      ...vn,
      env: { ...vn.env, XB_ROLES: 'api', XB_HTTP_PORT: String(await freePort()) },
    });
    try {
      const token = await tokenFor(vn, { id: 'lo-vn-pairing', roles: ['liaison_officer'] });
      const send = (counterpart: string) =>
        fetch(`${api.url}/api/notices`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({
            counterpart,
            category: 'criminal_method',
            title: 'Recruitment through fake factory jobs',
            content: 'Brokers post factory jobs and take recruits across at night.',
          }),
        });
      const unpaired = await send('LA.PHONGSALY.POLICE');
      expect(unpaired.status).toBe(403);
      expect(await unpaired.json()).toMatchObject({ code: 'COUNTERPART_NOT_PAIRED', field: 'counterpart' });
      expect((await send(cn.agencyId)).status).toBe(201);
    } finally {
      await api.stop();
    }
  });
});
