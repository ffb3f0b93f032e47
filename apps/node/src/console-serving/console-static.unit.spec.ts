import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { NextFunction, Request, Response } from 'express';
import { acceptedEncodings, consoleStatic } from './console-static';

describe('console static files', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'xb-console-'));
  const outside = path.join(path.dirname(root), `secret-${path.basename(root)}.txt`);
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    fs.mkdirSync(path.join(root, 'assets'));
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><p>console</p>');
    fs.writeFileSync(path.join(root, 'assets', 'app-1.js'), 'console.log(1)');
    // As the build writes them: the same bytes compressed, beside the file.
    const chunk = 'console.log("chunk");\n'.repeat(50);
    fs.writeFileSync(path.join(root, 'assets', 'chunk-2.js'), chunk);
    fs.writeFileSync(path.join(root, 'assets', 'chunk-2.js.br'), zlib.brotliCompressSync(chunk));
    fs.writeFileSync(path.join(root, 'assets', 'chunk-2.js.gz'), zlib.gzipSync(chunk));
    fs.writeFileSync(outside, 'not for the web');
    const serve = consoleStatic(root);
    server = http.createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://x');
      const req = Object.assign(request, { path: url.pathname }) as unknown as Request;
      const res = Object.assign(response, {
        status: (code: number) => Object.assign(response, { statusCode: code }),
        type: () => response,
        send: (body: string) => response.end(body),
      }) as unknown as Response;
      serve(req, res, (() => response.writeHead(404).end('node route')) as NextFunction);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => {
    server.close();
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(outside, { force: true });
  });

  it('serves hashed assets for a year and the page with a strict CSP', async () => {
    const asset = await fetch(`${base}/assets/app-1.js`);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(asset.headers.get('content-type')).toContain('text/javascript');
    const page = await fetch(`${base}/`);
    expect(await page.text()).toContain('console');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it("answers the console's own routes with the page, and leaves the node's to the node", async () => {
    const asPage = { headers: { accept: 'text/html,application/xhtml+xml' } };
    expect(await (await fetch(`${base}/cases/verifications/x`, asPage)).text()).toContain('console');
    // A client that does not ask for a page gets the node's 404 (the API's error format), not the page.
    expect(await (await fetch(`${base}/cases/verifications/x`)).text()).toBe('node route');
    expect(await (await fetch(`${base}/api/verifications`)).text()).toBe('node route');
    expect(await (await fetch(`${base}/docs`)).text()).toBe('node route');
  });

  it('never serves a file outside its directory', async () => {
    const name = path.basename(outside);
    for (const probe of [`/../${name}`, `/%2e%2e/${name}`, `/assets/..%2f..%2f${name}`])
      expect(await (await fetch(`${base}${probe}`)).text()).not.toContain('not for the web');
    expect(await (await fetch(`${base}/%E0%A4%A`)).text()).toBe('node route');
  });

  it('sends the precompressed variant the browser accepts, the file itself otherwise', async () => {
    const chunk = 'console.log("chunk");\n'.repeat(50);
    const get = (encoding: string) =>
      fetch(`${base}/assets/chunk-2.js`, { headers: { 'accept-encoding': encoding } });
    for (const [accepts, sent] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0, gzip;q=0.5', 'gzip'],
      ['identity', null],
    ] as const) {
      const response = await get(accepts);
      expect([accepts, response.headers.get('content-encoding')]).toEqual([accepts, sent]);
      expect(response.headers.get('vary')).toBe('Accept-Encoding');
      expect(response.headers.get('content-type')).toContain('text/javascript');
      expect(await response.text()).toBe(chunk);
    }
    // A file the build did not compress goes as it is.
    expect((await get('br')).headers.get('content-encoding')).toBe('br');
    const plain = await fetch(`${base}/assets/app-1.js`, { headers: { 'accept-encoding': 'br' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(acceptedEncodings('gzip;q=0, br')).toEqual(new Set(['br']));
  });

  it('answers 304 to a page the browser already has, so a reload costs no body', async () => {
    const first = await fetch(`${base}/`);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+/);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const again = await fetch(`${base}/`, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect((await fetch(`${base}/`, { headers: { 'if-none-match': '"other"' } })).status).toBe(200);
  });
});
