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

/**
 * Serves the console's static files at `/`: hashed assets cached for a year, a page asked for by a browser
 * that is not a file answered with index.html (the console routes in the browser), with a strict CSP.
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
    response.setHeader('content-type', TYPES[path.extname(file)] ?? 'application/octet-stream');
    response.setHeader('content-security-policy', CSP);
    response.setHeader('x-content-type-options', 'nosniff');
    response.setHeader('referrer-policy', 'no-referrer');
    response.setHeader(
      'cache-control',
      isFile && request.path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
    if (request.method === 'HEAD') return response.end();
    fs.createReadStream(file).pipe(response);
  };
}
