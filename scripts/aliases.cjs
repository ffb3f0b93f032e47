// Resolves the @xb/<lib> path aliases of tsconfig.base.json for compiled code in dist/, so production
// runs plain `node` without a TypeScript loader.
const Module = require('node:module');
const path = require('node:path');

const dist = path.resolve(__dirname, '..', 'dist');
const original = Module._resolveFilename;
Module._resolveFilename = function resolveAlias(request, ...rest) {
  const match = /^@xb\/([a-z-]+)(\/.*)?$/.exec(request);
  if (match) request = path.join(dist, 'libs', match[1], 'src', match[2] ?? '');
  return original.call(this, request, ...rest);
};
