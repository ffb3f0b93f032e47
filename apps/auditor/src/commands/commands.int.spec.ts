import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DECIDERS } from '@xb/domain';
import { sumFigures, type FigureFilter, type ReportData } from '@xb/read-models';
import { SqliteEventStore } from '@xb/event-store';
import { memoryIo } from '../cli/io';
import { runAuditor } from '../main';
import { foldUpTo } from '../replay/fold';
import { maskParticulars } from '../replay/mask';
import type { ReplayView } from '../replay/render';
import { buildStore, type BuiltStore } from '../testing/build-store';
import { CN, LA, US } from '../testing/scenario';

let dir: string;
let built: BuiltStore;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xb-auditor-'));
  built = await buildStore(dir);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A copy of the built store, for a test that changes it. */
function copyOfStore(name: string): string {
  const file = path.join(dir, `${name}.sqlite`);
  fs.copyFileSync(built.file, file);
  return file;
}

async function auditor(...argv: string[]) {
  const io = memoryIo({ XB_AGENCY_ID: US });
  const code = await runAuditor(argv, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

const verifyArgs = (file: string) => ['verify', '--store', file, '--keys', built.keysDir, '--agency', US];

describe('auditor verify', () => {
  it('finds the untouched store intact (exit 0), seals and stored envelopes included', async () => {
    const { code, out } = await auditor(...verifyArgs(built.file), '--private-key', built.privateKeyFile);
    expect(out).toContain('result: INTACT');
    expect(out).toMatch(/seals checked: [3-9]/);
    expect(out).toContain('unsealed events: 0'); // the last seal is signed itself
    expect(code).toBe(0);
  });

  it('gives events after the last seal their own result and exit code (3), and a store with no seal too', async () => {
    const file = copyOfStore('unsealed-tail');
    const store = new SqliteEventStore({ file });
    const metadata = {
      correlationId: 'v-9',
      actor: 'officer:7',
      occurredAt: '2026-07-20T00:00:00Z',
      schemaVersion: 1,
    };
    await store.appendToStream('verification-v-9', [
      { type: 'VerificationRequested', data: { caseId: 'v-9' }, metadata },
    ]);
    await store.close();
    const tail = await auditor(...verifyArgs(file));
    expect(tail.out).toContain(
      'result: UNSEALED TAIL\n  1 events after the last seal are covered by no seal yet',
    );
    expect(tail.code).toBe(3);

    const unsealed = path.join(dir, 'never-sealed.sqlite');
    const fresh = new SqliteEventStore({ file: unsealed });
    await fresh.appendToStream('verification-v-9', [{ type: 'VerificationRequested', data: {}, metadata }]);
    await fresh.close();
    const none = await auditor('verify', '--store', unsealed, '--keys', built.keysDir, '--agency', US);
    expect(none.out).toMatch(/result: UNSEALED TAIL\n {2}no seal covers any of the \d+ events/);
    expect(none.code).toBe(3);
  });

  it('says when only keys found beside the store vouch for the seals (4), and not once the fingerprint is pinned', async () => {
    const unconfirmed = await auditor('verify', '--data-dir', dir, '--agency', US);
    expect(unconfirmed.out).toContain('result: NOT INDEPENDENTLY CHECKED');
    expect(unconfirmed.code).toBe(4);
    const pinned = await auditor(
      'verify',
      '--data-dir',
      dir,
      '--agency',
      US,
      '--fingerprint',
      built.privateKey.getFingerprint(),
    );
    expect(pinned.out).toContain('result: INTACT');
    expect(pinned.code).toBe(0);
  });

  it('finds one byte changed through a separate connection (exit 1), naming the position and range', async () => {
    const file = copyOfStore('one-byte');
    const db = new Database(file);
    const row = db
      .prepare("SELECT position, data FROM events WHERE type = 'RepatriationHandedOver'")
      .get() as { position: number; data: Buffer };
    const altered = Buffer.from(row.data);
    // One hex digit of the child id inside a JSON string: the JSON stays valid, only the chain can tell.
    const at = altered.indexOf('"0193a7b2-0000-7000-8000-00000000e001"') + 36;
    altered[at] = altered[at] === '9'.charCodeAt(0) ? '8'.charCodeAt(0) : '9'.charCodeAt(0);
    db.prepare('UPDATE events SET data = ? WHERE position = ?').run(altered, row.position);
    db.close();

    const { code, out } = await auditor(...verifyArgs(file));
    expect(out).toContain('result: INTEGRITY FAILURE');
    expect(out).toMatch(/CHAIN_MISMATCH at position \d+/);
    const range = /events in doubt: (?:from the start|after position (\d+)) up to position (\d+)/.exec(out);
    expect(range && Number(range[1] ?? 0) < row.position && row.position <= Number(range[2])).toBe(true);
    expect(out).toMatch(/expected: head [0-9a-f]{64}, count \d+\n {2}found: {4}head [0-9a-f]{64}/);
    expect(code).toBe(1);
  });

  it('names the event whose stored envelope no longer matches its hash (exit 1)', async () => {
    const file = copyOfStore('envelope');
    const db = new Database(file);
    const row = db
      .prepare("SELECT position, data FROM events WHERE type = 'OutboundMessageDispatched'")
      .get() as { position: number; data: Buffer };
    const data = JSON.parse(row.data.toString());
    const envelope = Buffer.from(data.envelope, 'base64');
    envelope[envelope.length - 1] ^= 1;
    db.prepare('UPDATE events SET data = ? WHERE position = ?').run(
      Buffer.from(JSON.stringify({ ...data, envelope: envelope.toString('base64') })),
      row.position,
    );
    db.close();

    const { code, out } = await auditor(...verifyArgs(file));
    expect(out).toContain(
      `EVENT_CHECK_FAILED at position ${row.position}: event at position ${row.position}: outbound message m-v1: envelope differs from its recorded SHA-256`,
    );
    expect(code).toBe(1);
  });

  it('reports a row whose bytes no longer parse as an integrity failure at its position (exit 1)', async () => {
    const file = copyOfStore('not-json');
    const db = new Database(file);
    db.prepare('UPDATE events SET data = ? WHERE position = 5').run(Buffer.from('{"caseId": "v-1"'));
    db.close();
    const { code, out } = await auditor(...verifyArgs(file));
    expect(out).toContain('STORE_UNREADABLE at position 5: the store cannot be read back');
    expect(code).toBe(1);
  });

  it('reports a file that is not a database as an integrity failure, and refuses it elsewhere (exit 2)', async () => {
    const file = path.join(dir, 'garbage.sqlite');
    fs.writeFileSync(file, Buffer.alloc(8192, 7));
    const verified = await auditor(...verifyArgs(file));
    expect(verified.out).toContain('STORE_UNREADABLE');
    expect(verified.code).toBe(1);
    expect((await auditor('report', '--store', file, '--period', '2026')).code).toBe(2);
  });

  it('refuses seals signed by a key it was not given (exit 1)', async () => {
    const other = path.join(dir, 'other.asc');
    const { privateKey } = await (
      await import('openpgp')
    ).generateKey({ type: 'ecc', userIDs: [{ name: US }], format: 'object' });
    fs.writeFileSync(other, privateKey.toPublic().armor());
    const { code, out } = await auditor('verify', '--store', built.file, '--public-key', other);
    expect(out).toContain('SEAL_SIGNATURE_INVALID');
    expect(code).toBe(1);
  });
});

describe('auditor replay', () => {
  it('gives the case as it was at --at: the fold of its events up to then, particulars withheld', async () => {
    const at = '2026-07-10T00:00:00.000Z';
    const { code, out } = await auditor(
      'replay',
      '--store',
      built.file,
      '--case',
      '0193a7b2-0000-7000-8000-00000000c001',
      '--at',
      at,
      '--json',
    );
    expect(code).toBe(0);
    const view = JSON.parse(out) as ReplayView;

    const store = new SqliteEventStore({ file: built.file });
    const stream = await store.readStream('repatriation-0193a7b2-0000-7000-8000-00000000c001');
    await store.close();
    const upTo = stream.filter((e) => Date.parse(e.metadata.occurredAt) <= Date.parse(at));
    const expected = upTo.reduce(
      (s, e) => DECIDERS.repatriation.evolve(s, e as never),
      DECIDERS.repatriation.initialState(),
    );
    expect(upTo.length).toBeLessThan(stream.length);
    expect(view.state).toEqual(maskParticulars(expected).value);
    expect(view).toMatchObject({
      case: 'repatriation-0193a7b2-0000-7000-8000-00000000c001',
      at,
      eventsFolded: upTo.length,
      eventsInStream: stream.length,
      withheld: expect.arrayContaining(['victim', 'children[0].person', 'circumstances']),
    });
    expect(view.timeline.map((l) => [l.description, l.actor, l.causationId])).toEqual([
      ['Repatriation requested from CN.YN.BORDERPOLICE with 1 child', 'officer:7', undefined],
      ['Repatriation accepted', `agency:${CN}`, 'in-r1'],
    ]);
    expect(out).not.toContain('Test Victim');
    expect(foldUpTo(DECIDERS.repatriation as never, stream, at).events).toHaveLength(upTo.length);
  });

  it('prints a human timeline and finds a case by category-prefixed id', async () => {
    const { code, out } = await auditor(
      'replay',
      '--store',
      built.file,
      '--case',
      'handover-0193a7b2-0000-7000-8000-00000000d001',
    );
    expect(out).toContain('case handover-0193a7b2-0000-7000-8000-00000000d001 (handover) now');
    expect(out).toMatch(
      /2026-09-15T04:00:00Z {2}#\d+ +agency:CN.YN.BORDERPOLICE +Suspect handed over {2}\(caused by in-h2\)/,
    );
    expect(out).not.toContain('Test Suspect');
    expect(code).toBe(0);
  });

  it('shows particulars only with a viewer, and records the view in the audit trail', async () => {
    const file = copyOfStore('viewed');
    const { code, out } = await auditor(
      'replay',
      '--store',
      file,
      '--case',
      'repatriation-0193a7b2-0000-7000-8000-00000000c002',
      '--show-particulars',
      '--viewer',
      'auditor:3',
    );
    expect(code).toBe(0);
    expect(out).toContain('Test Victim');
    const store = new SqliteEventStore({ file });
    const [view] = await store.readAll({ direction: 'backwards', maxCount: 1 });
    await store.close();
    expect(view).toMatchObject({
      type: 'AuditParticularsViewed',
      data: {
        viewer: 'auditor:3',
        caseId: 'repatriation-0193a7b2-0000-7000-8000-00000000c002',
        fields: expect.arrayContaining(['victim', 'children[1].person']),
      },
    });
  });

  it('refuses an unknown case (exit 2)', async () => {
    expect((await auditor('replay', '--store', built.file, '--case', 'nope')).code).toBe(2);
  });
});

describe('auditor history', () => {
  it('lists the exchange with a counterpart: sent, received, refused', async () => {
    const { code, out } = await auditor(
      'history',
      '--store',
      built.file,
      '--counterpart',
      CN,
      '--from',
      '2026-07-01',
      '--to',
      '2026-08-01',
      '--json',
    );
    expect(code).toBe(0);
    const { entries } = JSON.parse(out);
    expect(
      entries.map((e: { direction: string; messageId: string; outcome: string }) => [
        e.direction,
        e.messageId,
        e.outcome,
      ]),
    ).toEqual([
      ['out', 'm-v1', 'delivered'],
      ['in', 'in-v1', 'accepted'],
      ['refused', 'in-x', 'refused: BAD_SIGNATURE'],
    ]);
  });
});

describe('auditor report', () => {
  const at5October = async (env: NodeJS.ProcessEnv, ...argv: string[]) => {
    const io = { ...memoryIo({ XB_AGENCY_ID: US, ...env }), clock: () => Date.parse('2026-10-05T03:00:00Z') };
    const code = await runAuditor(argv, io);
    return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
  };

  it("counts the quarter by direction, replayed from the store, in the node's local time", async () => {
    const { code, out } = await auditor(
      'report',
      '--store',
      built.file,
      '--period',
      '2026-Q3',
      '--format',
      'json',
    );
    expect(code).toBe(0);
    const report = JSON.parse(out) as ReportData;
    expect(report.source).toBe('event_store');
    // Q3 in Asia/Ho_Chi_Minh: from 1 July 00:00 (UTC+7).
    expect(report.period).toMatchObject({ from: '2026-06-30T17:00:00.000Z', to: '2026-09-30T17:00:00.000Z' });
    const sum = (filter: FigureFilter) => sumFigures(report.figures, filter);
    expect(sum({ fact: 'verification.request', by: 'us', counterpart: CN })).toBe(2);
    expect(sum({ fact: 'verification.answer', by: 'counterpart', counterpart: CN })).toBe(2);
    expect(sum({ fact: 'verification.answer', by: 'counterpart', detail: 'on_time' })).toBe(1);
    expect(sum({ fact: 'verification.request', by: 'counterpart', counterpart: LA })).toBe(1);
    expect(sum({ fact: 'verification.answer', by: 'us', counterpart: LA, detail: 'on_time' })).toBe(1);
    expect(sum({ fact: 'victim.handover', by: 'us', counterpart: CN, borderGate: 'Ma Lu Thang' })).toBe(1);
    expect(sum({ fact: 'child.handover', by: 'us' })).toBe(1);
    expect(
      sum({ fact: 'victim.handover', by: 'counterpart', counterpart: CN, borderGate: 'Lao Cai - Hekou' }),
    ).toBe(1);
    expect(sum({ fact: 'child.handover', by: 'counterpart' })).toBe(2);
    expect(sum({ fact: 'suspect.handover', by: 'counterpart', borderGate: 'Ma Lu Thang' })).toBe(1);
    expect(sum({ fact: 'suspect.handover', by: 'us' })).toBe(0);
  });

  it('writes Vietnamese Markdown by default, English on request, and CSV, to --out', async () => {
    const [vi, en, csv] = ['q3.vi.md', 'q3.en.md', 'q3.csv'].map((name) => path.join(dir, name));
    const base = ['report', '--store', built.file, '--period', '2026-Q3'];
    expect((await auditor(...base, '--out', vi)).code).toBe(0);
    expect((await auditor(...base, '--lang', 'en', '--out', en)).code).toBe(0);
    expect((await auditor(...base, '--format', 'csv', '--out', csv)).code).toBe(0);
    expect(fs.readFileSync(vi, 'utf8')).toContain('## 1. Xác minh');
    expect(fs.readFileSync(vi, 'utf8')).toContain(
      '| Ta bàn giao | CN.YN.BORDERPOLICE | Ma Lu Thang | 1 | 1 |',
    );
    expect(fs.readFileSync(en, 'utf8')).toContain('## 1. Verification');
    expect(fs.readFileSync(en, 'utf8')).toContain(
      '| Received by us | CN.YN.BORDERPOLICE | Lao Cai - Hekou | 1 | 2 |',
    );
    const lines = fs.readFileSync(csv, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('period,figure,window,by,counterpart,border_gate,sex,age_group,detail,value');
    expect(lines).toContain(`2026-Q3,verification.answer,during,us,${LA},,,,on_time,1`);
  });

  it('writes a printable PDF with Vietnamese diacritics, read back with pdftotext', async () => {
    const pdf = path.join(dir, 'q3.pdf');
    const env = {
      XB_REPORT_ISSUER: 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh Lai Châu',
      XB_REPORT_PLACE: 'Lai Châu',
    };
    const argv = [
      'report',
      '--store',
      built.file,
      '--period',
      '2026-Q3',
      '--format',
      'pdf',
      '--number',
      '15/BC-BCH',
    ];
    expect((await at5October(env, ...argv, '--out', pdf)).code).toBe(0);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const expected of [
      'Bộ Chỉ huy Bộ đội Biên phòng tỉnh Lai Châu',
      'Số: 15/BC-BCH',
      'Lai Châu, ngày 05 tháng 10 năm 2026',
      'BÁO CÁO',
      'Kính gửi: Cơ quan Thường trực Ban Chỉ đạo 138/CP',
      '1. Xác minh',
      '2. Nạn nhân bị mua bán',
      '6. Hội đàm, giao ban; tổ công tác và đoàn công tác',
      'Ta xác định 0 người là nạn nhân bị mua bán',
      '7. Kết quả thực hiện các chỉ tiêu',
      '8. Số liệu chưa có trong hệ thống',
    ])
      expect(text).toContain(expected);
  });

  it('names a missing font directory as a setting problem', async () => {
    const argv = [
      'report',
      '--store',
      built.file,
      '--period',
      '2026',
      '--format',
      'pdf',
      '--out',
      path.join(dir, 'x.pdf'),
    ];
    const { code, err } = await at5October({ XB_REPORT_FONT_DIR: path.join(dir, 'no-fonts') }, ...argv);
    expect(code).toBe(2);
    expect(err).toContain('XB_REPORT_FONT_DIR: font file');
    expect(fs.existsSync(path.join(dir, 'x.pdf'))).toBe(false);
  });
});
