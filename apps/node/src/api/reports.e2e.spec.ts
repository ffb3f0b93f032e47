import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sumFigures, type ReportData } from '@xb/read-models';
import { waitFor } from '@xb/testing';
import { RunningNode } from '../node-app';
import { prepareAgencies, startTestNode, TestAgency, tokenFor } from '../testing/node-pair';
import { COMMAND_ROUTES } from './command-routes';

/** 01:00 on 1 April 2026 in Vietnam: still 31 March in UTC. */
const NOW = new Date('2026-03-31T18:00:00Z');
const example = (command: string) => COMMAND_ROUTES.find((r) => r.command === command)!.example(NOW);

describe('GET /api/reports/counts: the periodic report from the read models', () => {
  let root: string;
  let vn: TestAgency;
  let node: RunningNode;
  let token: string;

  beforeAll(async () => {
    ({
      root,
      agencies: [vn],
    } = await prepareAgencies(['VN.BGC.LAICHAU'], { XB_REPORT_PLACE: 'Lai Châu' }));
    node = await startTestNode(vn, { clock: () => NOW });
    token = await tokenFor(vn, { id: 'lo-vn-9', roles: ['liaison_officer'] });
  });

  afterAll(async () => {
    await node?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const get = (query: string) =>
    fetch(`${node.url}/api/reports/counts?${query}`, { headers: { authorization: `Bearer ${token}` } });

  it("counts in the node's local time, renders Markdown in both languages and a PDF, and names bad input", async () => {
    const drafted = await fetch(`${node.url}/api/verifications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        ...example('DraftVerificationRequest'),
        counterpart: 'CN.YN.BORDERPOLICE',
        deadline: '2026-04-14T00:00:00Z',
      }),
    });
    const { caseId } = (await drafted.json()) as { caseId: string };
    await fetch(`${node.url}/api/verifications/${caseId}/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: '{}',
    });
    const sentByUs = { fact: 'verification.request', by: 'us' } as const;
    const q2 = await waitFor('the sent request in the second quarter', async () => {
      const report = (await (await get('period=2026-Q2')).json()) as ReportData;
      return sumFigures(report.figures, sentByUs) === 1 ? report : undefined;
    });
    expect(q2.source).toBe('read_models');
    expect(sumFigures(q2.figures, { ...sentByUs, counterpart: 'CN.YN.BORDERPOLICE' })).toBe(1);
    const q1 = (await (await get('period=2026-Q1')).json()) as ReportData;
    expect(sumFigures(q1.figures, sentByUs)).toBe(0);

    const vi = await get('period=2026-Q2&format=md');
    expect(vi.headers.get('content-type')).toContain('text/markdown');
    const markdown = await vi.text();
    expect(markdown).toContain('Lai Châu, ngày 01 tháng 04 năm 2026');
    expect(markdown).toContain('Ta gửi 1 yêu cầu xác minh');
    expect(await (await get('period=2026-Q2&format=md&lang=en')).text()).toContain(
      'We sent 1 verification requests',
    );

    const pdf = await get('period=2026-Q2&format=pdf&number=7/BC-BCH');
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const file = path.join(root, 'q2.pdf');
    fs.writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Số: 7/BC-BCH');
    expect(text).toContain('Ta gửi 1 yêu cầu xác minh');

    for (const [query, field] of [
      ['period=2026-Q5', 'period'],
      ['', 'period'],
      ['period=2026&format=xlsx', 'format'],
      ['period=2026&cutoff=fiscal', 'cutoff'],
    ]) {
      const refused = await get(query);
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({ code: 'VALIDATION_FAILED', field });
    }
  });
});
