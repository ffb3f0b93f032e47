/**
 * `auditor minutes verify` on an exported case: both sides' signatures over the canonical minutes,
 * checked offline with the keys the auditor brings; refusals name the reason and the side. The same
 * bytes and signature also verify with gpg, and python's json module writes the same canonical bytes.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { draftMinutes, HandoverMinutes } from '@xb/domain';
import { generateAgencyKey, GeneratedAgencyKey, readAgencyPrivateKey } from '@xb/envelope';
import { minutesBytesOf, signMinutes } from '@xb/exchange';
import { memoryIo } from '../cli/io';
import { runAuditor } from '../main';
import { CASE_FILE_FORMAT } from './case-file';

const CN = 'CN.YN.BORDERPOLICE';
const VN = 'VN.BGC.LAICHAU';
const CASE = '0193a7b2-0000-7000-8000-000000000201';
const minutes: HandoverMinutes = draftMinutes(
  {
    minutesId: '0193a7b2-0000-7000-8000-0000000000a1',
    handedOverAt: '2026-11-23T02:30:00Z',
    persons: [{ personId: CASE, role: 'victim' }],
    documents: ['Thẻ căn cước (bản sao)'],
    belongings: ['一个旅行包'],
    officers: [
      { agency: CN, name: 'Li Wei', position: 'Inspector' },
      { agency: VN, name: 'Nguyễn Văn An', position: 'Đại úy' },
    ],
  },
  {
    caseId: CASE,
    process: 'repatriation',
    handingOverAgency: CN,
    receivingAgency: VN,
    borderGate: 'Ma Lu Thang - Jinshuihe',
    persons: [{ personId: CASE, role: 'victim' }],
  },
);

let dir: string;
const keys: Record<string, GeneratedAgencyKey> = {};
const sign = async (agency: string, what = minutes) =>
  signMinutes(what, await readAgencyPrivateKey(keys[agency].privateKeyArmored));

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xb-minutes-'));
  for (const agency of [CN, VN, 'LA.PHONGSALY.POLICE'])
    keys[agency] = await generateAgencyKey({ agencyId: agency });
  fs.mkdirSync(path.join(dir, 'keys'));
  for (const agency of [CN, VN])
    fs.writeFileSync(path.join(dir, 'keys', `${agency}.asc`), keys[agency].publicKeyArmored);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The proposer's case as `auditor case export` writes it: its signature, then the countersignature. */
const caseFile = (
  signatures: { type: string; agency: string; signature: string; minutes?: HandoverMinutes }[],
) => {
  const file = path.join(dir, `case-${Math.random().toString(36).slice(2)}.json`);
  const events = signatures.map((s, i) => ({
    revision: String(i),
    position: String(i + 1),
    type: s.type,
    recordedAt: '2026-11-23T04:00:00Z',
    data: Buffer.from(
      JSON.stringify({
        minutesId: minutes.minutesId,
        minutes: s.minutes ?? minutes,
        signature: { agency: s.agency, signature: s.signature },
      }),
    ).toString('base64'),
  }));
  fs.writeFileSync(
    file,
    JSON.stringify({
      format: CASE_FILE_FORMAT,
      streamId: `repatriation-${CASE}`,
      category: 'repatriation',
      caseId: CASE,
      exportedAt: '2026-11-23T05:00:00Z',
      events,
    }),
  );
  return file;
};
const verify = async (file: string, ...extra: string[]) => {
  const io = memoryIo();
  const code = await runAuditor(
    ['minutes', 'verify', '--case', file, '--keys', path.join(dir, 'keys'), ...extra],
    io,
  );
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
};

describe('auditor minutes verify', () => {
  it('given both signatures over the same minutes, then CO-SIGNED and exit 0', async () => {
    const file = caseFile([
      { type: 'RepatriationMinutesSigned', agency: CN, signature: await sign(CN) },
      { type: 'RepatriationMinutesCoSigned', agency: VN, signature: await sign(VN) },
    ]);
    const result = await verify(file);
    expect(result.out).toContain(`CO-SIGNED minutes ${minutes.minutesId}`);
    expect(result.code).toBe(0);
  });

  it.each([
    [
      'only the proposer signed',
      async () => [{ type: 'RepatriationMinutesSigned', agency: CN, signature: await sign(CN) }],
      `SIGNATURE_MISSING:signature (${VN})`,
    ],
    [
      'the countersignature is over other minutes',
      async () => [
        { type: 'RepatriationMinutesSigned', agency: CN, signature: await sign(CN) },
        {
          type: 'RepatriationMinutesCoSigned',
          agency: VN,
          signature: await sign(VN, { ...minutes, belongings: [] }),
          minutes: { ...minutes, belongings: [] },
        },
      ],
      `MINUTES_DIFFER:signature (${VN}`,
    ],
    [
      'the minutes were changed after signing',
      async () => [
        {
          type: 'RepatriationMinutesSigned',
          agency: CN,
          signature: await sign(CN, { ...minutes, documents: [] }),
        },
        { type: 'RepatriationMinutesCoSigned', agency: VN, signature: await sign(VN) },
      ],
      `MINUTES_SIGNATURE_INVALID:signature (${CN}`,
    ],
    [
      'one side signed for the other (wrong signer)',
      async () => [
        { type: 'RepatriationMinutesSigned', agency: CN, signature: await sign(CN) },
        { type: 'RepatriationMinutesCoSigned', agency: VN, signature: await sign(CN) },
      ],
      `MINUTES_WRONG_SIGNER:signature (${VN}`,
    ],
    [
      'a key nobody gave the auditor',
      async () => [
        { type: 'RepatriationMinutesSigned', agency: CN, signature: await sign(CN) },
        { type: 'RepatriationMinutesCoSigned', agency: VN, signature: await sign('LA.PHONGSALY.POLICE') },
      ],
      `MINUTES_SIGNATURE_INVALID:signature (${VN}`,
    ],
  ])('given %s, then NOT CO-SIGNED with the reason, exit 1', async (_name, signatures, reason) => {
    const result = await verify(caseFile(await signatures()));
    expect(result.out).toContain('NOT CO-SIGNED');
    expect(result.out).toContain(reason);
    expect(result.code).toBe(1);
  });

  it('refuses a file that is not an exported case, or no keys, as bad usage (exit 2)', async () => {
    const notACase = path.join(dir, 'not-a-case.json');
    fs.writeFileSync(notACase, '{"events": []}');
    expect((await verify(notACase)).code).toBe(2);
    const io = memoryIo();
    expect(await runAuditor(['minutes', 'verify', '--case', notACase], io)).toBe(2);
  });

  it('writes no particulars of the minutes in its report', async () => {
    const file = caseFile([{ type: 'RepatriationMinutesSigned', agency: CN, signature: await sign(CN) }]);
    const { out, err } = await verify(file);
    for (const secret of ['Nguyễn Văn An', 'Thẻ căn cước', '一个旅行包'])
      expect(`${out}${err}`).not.toContain(secret);
  });
});

const has = (tool: string) => spawnSync(tool, ['--version']).status === 0;
(has('gpg') && has('python3') ? describe : describe.skip)(
  'the same bytes with a counterpart\u2019s own tools',
  () => {
    it('gpg --verify accepts the signature over the canonical bytes; python writes the same bytes', async () => {
      const home = fs.mkdtempSync(path.join(os.tmpdir(), 'xb-gpg-'));
      const env = { ...process.env, GNUPGHOME: home };
      try {
        fs.writeFileSync(path.join(home, 'cn.asc'), keys[CN].publicKeyArmored);
        expect(spawnSync('gpg', ['--batch', '--import', path.join(home, 'cn.asc')], { env }).status).toBe(0);
        const data = path.join(home, 'minutes.json');
        fs.writeFileSync(data, minutesBytesOf(minutes));
        fs.writeFileSync(path.join(home, 'minutes.sig'), Buffer.from(await sign(CN), 'base64'));
        const verified = spawnSync('gpg', ['--batch', '--verify', path.join(home, 'minutes.sig'), data], {
          env,
        });
        expect(verified.stderr.toString()).toContain('Good signature');
        expect(verified.status).toBe(0);
        const python = spawnSync('python3', [
          '-c',
          'import json,sys; v=json.load(open(sys.argv[1],encoding="utf-8")); sys.stdout.buffer.write(json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8"))',
          data,
        ]);
        expect(Buffer.compare(python.stdout, Buffer.from(minutesBytesOf(minutes)))).toBe(0);
      } finally {
        spawnSync('gpgconf', ['--kill', 'gpg-agent'], { env });
        fs.rmSync(home, { recursive: true, force: true });
      }
    });
  },
);
