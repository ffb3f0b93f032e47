/**
 * docs/counterpart-guide.md, run as written: every `bash` block of the guide, with gpg, protoc, kcat and
 * python3, against the test broker and a real node. The counterpart sends a gpg-sealed, protoc-encoded
 * request that the node accepts and verifies the node's signed receipt with gpg; then it opens the
 * node's answer (gpg decrypts and verifies, protoc decodes), finds its own person id repeated, and
 * receipts it, which the node verifies and records. Skipped, naming what is missing, without the tools.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, nodeSettings } from '@xb/config';
import { createKafka, inboxTopic, provisionTopics } from '@xb/exchange';
import { waitFor } from '@xb/testing';
import { exportPublic, importKey } from './keys/key-commands';
import { RunningNode } from './node-app';
import { prepareAgencies, startTestNode, TestAgency, tokenFor } from './testing/node-pair';

const GUIDE = path.join(__dirname, '../../../docs/counterpart-guide.md');
const TOOLS = ['gpg', 'protoc', 'kcat', 'python3'];
const missing = [
  ...TOOLS.filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0),
  ...(fs.existsSync('/usr/include/google/protobuf/timestamp.proto') ? [] : ['libprotobuf-dev']),
];
if (missing.length > 0)
  console.warn(`counterpart guide: SKIPPED, missing ${missing.join(', ')} (apt-get install)`);
const describeTools = missing.length === 0 ? describe : describe.skip;

/** The guide's bash blocks by their `<!-- guide-step: name -->` marker, in order. */
const guideSteps = (): Map<string, string> => {
  const text = fs.readFileSync(GUIDE, 'utf8');
  const steps = new Map<string, string>();
  for (const match of text.matchAll(/<!-- guide-step: ([a-z-]+) -->\s*```bash\n([\s\S]*?)\n```/g))
    steps.set(match[1], match[2]);
  // Every block is a step the test runs: a block without a marker would go untested.
  const blocks = text.match(/```bash\n/g)?.length ?? 0;
  if (blocks !== steps.size) throw new Error(`${blocks - steps.size} bash blocks of the guide are not steps`);
  return steps;
};

describeTools('the counterpart guide, run with gpg, protoc and kcat', () => {
  const steps = guideSteps();
  let root: string;
  let work: string;
  let vn: TestAgency;
  let node: RunningNode;
  let token: string;
  let env: NodeJS.ProcessEnv;

  /** Runs one step of the guide after its settings block, as the counterpart's engineer would. */
  const run = (name: string): string => {
    const script = steps.get(name);
    if (!script) throw new Error(`the guide has no step ${name}`);
    const result = spawnSync('bash', ['-euo', 'pipefail', '-c', `${steps.get('settings')}\n${script}`], {
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    if (result.status !== 0)
      throw new Error(`guide step ${name} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
    return result.stdout;
  };
  const api = async (method: string, url: string, body?: unknown) => {
    const response = await fetch(`${node.url}${url}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reads whatever JSON came back
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };
  /** Waits until their inbox holds the node's receipt for their message (the listing names it). */
  const receiptOnTheirInbox = (messageId: string) =>
    waitFor(
      `the receipt for ${messageId} on their inbox`,
      () => run('list-inbox').includes(`xb-receipt-for=${messageId}`),
      {
        timeoutMs: 60_000,
        intervalMs: 250,
      },
    );
  const read = (file: string) => fs.readFileSync(path.join(work, file), 'utf8').trim();

  beforeAll(async () => {
    ({
      root,
      agencies: [vn],
    } = await prepareAgencies(['VN.BGC.LAICHAU']));
    work = path.join(root, 'counterpart');
    const them = `CN.YN.BORDERPOLICE.${vn.agencyId.split('.').pop()}`;
    env = {
      PATH: process.env.PATH,
      HOME: root,
      BROKER: vn.env.KAFKA_BROKERS,
      US: them,
      THEM: vn.agencyId,
      PROTO: path.join(__dirname, '../../../proto'),
      WORK: work,
      GNUPGHOME: fs.mkdtempSync(path.join(os.tmpdir(), 'xb-gpg-')),
    };
    // 1. Keys, both ways: theirs imported by our operators, ours certified by them.
    run('keys');
    await importKey(
      { agencyId: vn.agencyId, dataDir: vn.dataDir, now: new Date() },
      { agencyId: them, file: path.join(work, `${them}.asc`) },
    );
    fs.writeFileSync(
      path.join(work, `${vn.agencyId}.asc`),
      (await exportPublic({ ...vn, now: new Date() }))[0],
    );
    run('their-key');
    // 2. Their inbox. Differs from the guide: Kafka's command-line tools are not installed here, so the
    // admin API creates it, with the partitions the guide names.
    const kafka = createKafka(loadConfig(nodeSettings, vn.env));
    await provisionTopics(kafka, { topics: [inboxTopic(them)], partitions: 3, replicationFactor: 1 });
    node = await startTestNode(vn);
    token = await tokenFor(vn, { id: 'lo-vn-guide', roles: ['liaison_officer'] });
  }, 120_000);

  afterAll(async () => {
    await node?.stop();
    spawnSync('gpgconf', ['--kill', 'gpg-agent'], { env });
    fs.rmSync(String(env?.GNUPGHOME), { recursive: true, force: true });
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('sends a request the node accepts, and verifies its signed receipt', async () => {
    run('send-request');
    const messageId = read('request.id');
    await receiptOnTheirInbox(messageId);
    expect(run('read-receipt')).toContain('status: RECEIPT_STATUS_ACCEPTED');

    // Everything they sent is on the case: their person id, file reference, handling code and grading.
    const view = await api('GET', `/api/verifications/${read('case.id')}?particulars=true&reason=guide`);
    expect(view.body.state).toMatchObject({
      status: 'received',
      details: '',
      subject: {
        role: 'victim',
        person: { personId: read('person.id'), name: { original: '', romanised: 'WANG XIAOMEI' } },
      },
      annex: { fileReference: 'YN-2026-0042' },
      trail: {
        records: {
          [messageId]: {
            handling: { dissemination: 'law_enforcement', evidentialUse: 'intelligence_only' },
            evaluation: { source: 'b', information: 'known_to_source' },
          },
        },
      },
    });
  });

  it('is refused a request the contract forbids, by a signed receipt naming the field and the rule', async () => {
    run('send-refused');
    const messageId = read('refused.id');
    await receiptOnTheirInbox(messageId);
    const receipt = run('read-refusal');
    expect(receipt).toContain('status: RECEIPT_STATUS_REJECTED');
    expect(receipt).toContain('reason: REJECTION_REASON_DOMAIN_REFUSED');
    expect(receipt).toContain('domain_code: "VALIDATION_FAILED:subject.person.dateOfBirth"');
  });

  it('opens the node answer with gpg and protoc, finds its person id repeated, and receipts it', async () => {
    const caseId = read('case.id');
    const answered = await api('POST', `/api/verifications/${caseId}/answer`, {
      outcome: 'confirmed',
      findings: 'Registered in Phong Tho district records.',
      // The guide's request asks identity and nationality: each is answered on its own.
      answers: { identity: 'confirmed', nationality: 'confirmed' },
      person: {
        name: { original: 'Vương Tiểu Mỹ', romanised: 'WANG XIAOMEI' },
        sex: 'female',
        identityDocuments: [],
      },
    });
    expect(answered.status).toBe(200);
    await waitFor(
      'the answer on their inbox',
      () => {
        run('list-inbox');
        return run('open-message');
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    expect(read('answer.txt')).toContain('outcome: VERIFICATION_OUTCOME_CONFIRMED');
    expect(read('answer.txt')).toMatch(
      /point_answers \{\s*point: VERIFICATION_POINT_NATIONALITY\s*result: VERIFICATION_POINT_RESULT_CONFIRMED\s*\}/,
    );
    run('send-receipt');
    await waitFor('the node to record their receipt', async () => {
      const view = await api('GET', `/api/verifications/${caseId}`);
      const messages = Object.values(view.body.state.trail.messages) as { kind: string; delivery: string }[];
      return messages.some(
        (message) => message.kind === 'VerificationAnswer' && message.delivery === 'delivered',
      );
    });
  });
});
