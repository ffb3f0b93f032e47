// The end to end: a woman verified with two counterparts and repatriated, recorded three times under
// three renderings of her name, shows as one person with one timeline once an officer confirms the matches.
import fs from 'node:fs';
import path from 'node:path';
import { eventStoreFile } from '@xb/config';
import request from 'supertest';
import { RunningNode, startNode } from '../node-app';
import { prepareAgencies, TestAgency, tokenFor } from '../testing/node-pair';
import { COMMAND_ROUTES } from '../api/command-routes';

const example = (command: string) => COMMAND_ROUTES.find((r) => r.command === command)!.example(new Date());
const woman = (original: string, romanised: string, dateOfBirth: object) => ({
  name: { original, romanised },
  dateOfBirth,
  sex: 'female',
  claimedNationality: 'VN',
  identityDocuments: [],
});

describe('person register over the API', () => {
  let root: string;
  let vn: TestAgency;
  let node: RunningNode;
  let token: string;

  beforeAll(async () => {
    ({
      root,
      agencies: [vn],
    } = await prepareAgencies(['VN.BGC.LAICHAU'], { XB_ROLES: 'api' }));
    node = await startNode(vn.env);
    token = await tokenFor(vn, { id: 'lo-vn-1', roles: ['liaison_officer', 'border_guard_command'] });
  });
  afterAll(async () => {
    await node?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const post = (path: string, body: object) =>
    request(node.url!).post(path).set('authorization', `Bearer ${token}`).send(body);
  const get = (path: string) => request(node.url!).get(path).set('authorization', `Bearer ${token}`);

  async function caseAndPerson(
    resource: string,
    body: object,
    category: string,
    person: object,
    place?: string,
  ) {
    const opened = await post(`/api/${resource}`, body);
    expect(opened.status).toBe(201);
    const recorded = await post('/api/persons', {
      particulars: person,
      ...(place ? { placeOfOrigin: place } : {}),
      firstRecord: { caseId: opened.body.caseId, category, role: 'victim' },
    });
    expect(recorded.status).toBe(201);
    return { caseId: opened.body.caseId as string, personId: recorded.body.personId as string };
  }

  it('links three cases with two counterparts to one person after an officer confirms', async () => {
    const chinese = woman('罗氏梅', 'Luo Shi Mei', { year: 1995 });
    const lao = woman('ລໍ ທິ ມາຍ', 'Lo Thi Mai', { year: 1996 });
    const vietnamese = woman('Lò Thị Mai', 'Lo Thi Mai', { year: 1995, month: 3, day: 12 });
    const located = await caseAndPerson(
      'verifications',
      {
        ...example('DraftVerificationRequest'),
        counterpart: 'CN.YN.BORDERPOLICE',
        subject: { role: 'victim', person: chinese },
      },
      'verification',
      chinese,
    );
    const verified = await caseAndPerson(
      'verifications',
      {
        ...example('DraftVerificationRequest'),
        counterpart: 'LA.MOS',
        subject: { role: 'victim', person: lao },
      },
      'verification',
      lao,
    );
    const repatriated = await caseAndPerson(
      'repatriations',
      {
        ...example('RequestRepatriation'),
        counterpart: 'CN.YN.BORDERPOLICE',
        victim: vietnamese,
        children: [],
      },
      'repatriation',
      vietnamese,
      'VN-02',
    );

    const candidates = await get(`/api/persons/${repatriated.personId}/candidates`);
    expect(candidates.status).toBe(200);
    const proposed = candidates.body.candidates.map((c: { personId: string }) => c.personId);
    expect(proposed).toEqual(expect.arrayContaining([located.personId, verified.personId]));
    // Scores, never particulars.
    expect(candidates.text).not.toContain('Lo Thi');

    // At rest (docs/confidentiality.md): the register's records are in the store file, their names are not
    // (sealed by the node's ProtectedEventStore); the register keeps no secret of its own.
    const stored = ['', '-wal']
      .map((suffix) => eventStoreFile(vn.dataDir) + suffix)
      .filter((file) => fs.existsSync(file))
      .map((file) => fs.readFileSync(file).toString('utf8'))
      .join('\n');
    expect(stored).toContain('PersonRecorded');
    expect(stored).toContain(`"$sealed":"person:${repatriated.personId}"`);
    for (const name of ['Lò Thị Mai', 'Lo Thi Mai', 'Luo Shi Mei', '罗氏梅', 'ລໍ ທິ ມາຍ'])
      expect(stored).not.toContain(name);
    expect(fs.existsSync(path.join(vn.dataDir, 'persons', 'blind-index.key'))).toBe(false);

    for (const other of [located.personId, verified.personId])
      expect(
        (await post(`/api/persons/${repatriated.personId}/confirm`, { otherPersonId: other })).status,
      ).toBe(200);

    const timeline = await get(`/api/persons/${repatriated.personId}/timeline`);
    expect(timeline.status).toBe(200);
    const cases = new Set(timeline.body.timeline.map((e: { caseId?: string }) => e.caseId).filter(Boolean));
    expect(cases).toEqual(new Set([located.caseId, verified.caseId, repatriated.caseId]));
    expect(timeline.text).not.toContain('Lo Thi');

    // A merged person cannot be merged again elsewhere; a malformed id is refused by field.
    const again = await post(`/api/persons/${located.personId}/confirm`, {
      otherPersonId: verified.personId,
    });
    expect(again.status).toBe(409);
    const bad = await get('/api/persons/not-a-uuid/timeline');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'personId' });
  });
});
