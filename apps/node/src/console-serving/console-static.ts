import fs from 'node:fs';
import path from 'node:path';
import type { NextFunction, Request, Response } from 'express';

/** Paths the node's own routes answer; everything else that is a GET is the console's. */
const NODE_PATHS = /^\/(api|docs|openapi\.json|health|metrics)(\/|$|\?)/;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};
/** The console needs nothing but its own origin: no inline script, no other host, never in a frame. */
const CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/** The built console of this checkout: `dist/console` beside the nearest package.json up from here. */
export function defaultConsoleDir(from = __dirname): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.join(dir, 'dist', 'console');
}

/** Precompressed variants the build writes beside each text file (vite.config.mjs), best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** The encodings a request accepts (`q=0` refuses one). */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    if (name && !(q && Number(q[1]) === 0)) accepted.add(name);
  }
  return accepted;
}

/** The file to send for `file`: its best precompressed variant the browser accepts, else itself. */
function variantOf(file: string, accepted: Set<string>): { path: string; encoding?: string } {
  for (const encoding of ENCODINGS)
    if ((accepted.has(encoding.name) || accepted.has('*')) && fs.existsSync(file + encoding.suffix))
      return { path: file + encoding.suffix, encoding: encoding.name };
  return { path: file };
}

/**
 * Serves the console's static files at `/`: hashed assets cached for a year, a page asked for by a browser
 * that is not a file answered with index.html (the console routes in the browser), with a strict CSP.
 * Text files go precompressed (brotli or gzip, written at build time) to a browser that accepts it;
 * index.html is revalidated on every load (ETag, 304), so a new build is seen at once.
 */
export function consoleStatic(dir: string) {
  const root = path.resolve(dir);
  return (request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || NODE_PATHS.test(request.path))
      return next();
    let decoded: string;
    try {
      decoded = decodeURIComponent(request.path);
    } catch {
      return next(); // not a path the console has: the node answers 404
    }
    const wanted = path.resolve(root, decoded === '/' ? 'index.html' : `.${decoded}`);
    const isFile =
      wanted.startsWith(root + path.sep) && fs.existsSync(wanted) && fs.statSync(wanted).isFile();
    // Only a browser asking for a page gets index.html for a path that is not a file (the console routes
    // in the browser); any other client gets the node's own 404 in the API's error format.
    const wantsPage = (request.headers.accept ?? '').includes('text/html');
    if (!isFile && !wantsPage) return next();
    const file = isFile ? wanted : path.join(root, 'index.html');
    if (!fs.existsSync(file)) {
      response
        .status(503)
        .json({ code: 'CONSOLE_NOT_BUILT', reason: 'the console is not built: run `npm run build`' });
      return;
    }
    const sent = variantOf(file, acceptedEncodings(request.headers['accept-encoding']));
    const stat = fs.statSync(sent.path);
    const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}${sent.encoding ? `-${sent.encoding}` : ''}"`;
    response.setHeader('content-type', TYPES[path.extname(file)] ?? 'application/octet-stream');
    response.setHeader('vary', 'Accept-Encoding');
    response.setHeader('etag', etag);
    if (sent.encoding) response.setHeader('content-encoding', sent.encoding);
    response.setHeader('content-security-policy', CSP);
    response.setHeader('x-content-type-options', 'nosniff');
    response.setHeader('referrer-policy', 'no-referrer');
    response.setHeader(
      'cache-control',
      isFile && request.path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
    if (request.headers['if-none-match'] === etag) {
      response.statusCode = 304;
      return response.end();
    }
    response.setHeader('content-length', String(stat.size));
    if (request.method === 'HEAD') return response.end();
    fs.createReadStream(sent.path).pipe(response);
  };
}
