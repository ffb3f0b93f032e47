import fs from 'node:fs';
import { LoggerService } from '@nestjs/common';
import request from 'supertest';
import { RunningNode, startNode } from '../node-app';
import { prepareAgencies, TestAgency, tokenFor } from '../testing/node-pair';
import { COMMAND_ROUTES } from '../api/command-routes';

const VICTIM = 'Nguyễn Thị Hồng';
const COMBINING = VICTIM.normalize('NFD');

/** Collects what the node logs, by level, so a test can say what was (not) logged as an error. */
class CapturingLogger implements LoggerService {
  readonly lines: { level: string; text: string }[] = [];
  log = (...parts: unknown[]) => this.add('log', parts);
  warn = (...parts: unknown[]) => this.add('warn', parts);
  error = (...parts: unknown[]) => this.add('error', parts);
  debug = (...parts: unknown[]) => this.add('debug', parts);
  verbose = (...parts: unknown[]) => this.add('verbose', parts);
  private add(level: string, parts: unknown[]) {
    this.lines.push({ level, text: parts.map(String).join(' ') });
  }
  errors = () => this.lines.filter((line) => line.level === 'error');
}

const proposal = (name: string) => ({
  ...COMMAND_ROUTES.find((r) => r.command === 'ProposeJointOperation')!.example(new Date()),
  counterpart: 'CN.YN.BORDERPOLICE',
  terms: {
    ...(
      COMMAND_ROUTES.find((r) => r.command === 'ProposeJointOperation')!.example(new Date()) as {
        terms: object;
      }
    ).terms,
    name,
  },
});

describe('API errors: one format with a code, never an echo, client errors not logged as errors', () => {
  let root: string;
  let vn: TestAgency;
  let node: RunningNode;
  let token: string;
  const logger = new CapturingLogger();

  beforeAll(async () => {
    ({
      root,
      agencies: [vn],
    } = await prepareAgencies(['VN.BGC.LAICHAU'], { XB_ROLES: 'api' }));
    node = await startNode(vn.env, { logger });
    token = await tokenFor(vn, { id: 'lo-vn-1', roles: ['liaison_officer', 'border_guard_command'] });
  });

  afterAll(async () => {
    await node?.stop().catch(() => undefined); // its store was closed by the last test
    fs.rmSync(root, { recursive: true, force: true });
  });

  const post = (path: string) =>
    request(node.url!)
      .post(path)
      .set('authorization', `Bearer ${token}`)
      .set('content-type', 'application/json');

  const expectNoEcho = (response: request.Response, ...secrets: string[]) => {
    for (const secret of secrets) expect(response.text).not.toContain(secret);
    expect(Object.keys(response.body).sort()).toEqual(expect.arrayContaining(['code', 'reason']));
    expect(response.body).not.toHaveProperty('statusCode');
    expect(response.body).not.toHaveProperty('message');
  };

  it.each([
    ['malformed JSON quoting a name', `{"victim": {"name": "${VICTIM}"`, 400, 'MALFORMED_JSON'],
    ['a null body', 'null', 400, 'MALFORMED_JSON'],
    ['a bare string', `"${VICTIM}"`, 400, 'MALFORMED_JSON'],
    ['a body over the limit', `{"remarks": "${VICTIM.repeat(40_000)}"}`, 413, 'BODY_TOO_LARGE'],
  ])('answers %s in the API format', async (_, body, status, code) => {
    const before = logger.errors().length;
    const response = await post('/api/joint-operations').send(body);
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject({ code });
    expectNoEcho(response, VICTIM, 'Nguy');
    expect(logger.errors().slice(before)).toEqual([]);
  });

  it('refuses JSON nested deeper than any command, whether or not the parser takes it', async () => {
    const depth = 50_000;
    const response = await post('/api/joint-operations').send(
      `${'{"terms":'.repeat(depth)}1${'}'.repeat(depth)}`,
    );
    expect(response.status).toBe(400);
    expect(['MALFORMED_JSON', 'VALIDATION_FAILED']).toContain(response.body.code);
    expectNoEcho(response, 'terms.terms.terms');
  });

  it('answers an unknown route without quoting its path', async () => {
    const response = await request(node.url!).get(`/nothing/${encodeURIComponent(VICTIM)}`);
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ code: 'NO_SUCH_ROUTE' });
    expectNoEcho(response, 'nothing', encodeURIComponent(VICTIM));
  });

  it('answers an unknown command or case resource without quoting the path', async () => {
    const command = await post(`/api/${encodeURIComponent(VICTIM)}`).send({});
    expect(command.status).toBe(404);
    expect(command.body).toMatchObject({ code: 'NO_SUCH_COMMAND' });
    expectNoEcho(command, VICTIM, encodeURIComponent(VICTIM));
    const view = await request(node.url!)
      .get(`/api/${encodeURIComponent(VICTIM)}/0193a0e8-4c5e-7000-8000-000000000001`)
      .set('authorization', `Bearer ${token}`);
    expect(view.status).toBe(404);
    expectNoEcho(view, VICTIM, encodeURIComponent(VICTIM));
  });

  it('refuses a name with a NUL, a bidi override or only zero-width characters, naming the field', async () => {
    for (const [name, rule] of [
      [`${VICTIM}\u0000`, 'CONTROL_CHARACTER'],
      [`${VICTIM}\u202E`, 'BIDI_CONTROL'],
      ['\u200B\u200B', 'INVISIBLE_CHARACTER'],
      ['\u3164', 'INVISIBLE_ONLY'],
      ['王'.repeat(10_000), 'TOO_LONG'],
    ]) {
      const response = await post('/api/joint-operations').send(proposal(name));
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'terms.name', rule });
      expectNoEcho(response, VICTIM, '王王');
    }
  });

  it('stores a name sent with combining marks as its precomposed (NFC) form', async () => {
    const opened = await post('/api/joint-operations').send(proposal(COMBINING));
    expect(opened.status).toBe(201);
    const view = await request(node.url!)
      .get(`/api/joint-operations/${opened.body.caseId}?particulars=true&reason=check`)
      .set('authorization', `Bearer ${token}`);
    expect(view.status).toBe(200);
    expect(JSON.stringify(view.body)).toContain(VICTIM);
    expect(JSON.stringify(view.body)).not.toContain(COMBINING);
  });

  it('answers an unexpected failure with INTERNAL_ERROR and logs it once, without its message', async () => {
    await node.node.store.close(); // the store is gone under the API: every command now fails inside
    const before = logger.errors().length;
    const response = await post('/api/joint-operations').send(proposal(VICTIM));
    expect(response.status).toBe(500);
    expect(response.body).toEqual({ code: 'INTERNAL_ERROR', reason: expect.any(String) });
    const logged = logger.errors().slice(before);
    expect(logged).toHaveLength(1);
    expect(logged[0].text).toContain('INTERNAL_ERROR');
    expect(logged[0].text).toMatch(/\n\s+at /);
    expect(logged[0].text).not.toContain(VICTIM);
  });
});
