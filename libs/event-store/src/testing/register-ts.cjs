// Lets a plain `node` child process (crash tests) load this repository's TypeScript: compiles .ts files
// with @swc/core (already a dev dependency, as jest's transform) and resolves the @xb/<lib> aliases to
// libs/<lib>/src. Usage: node -r libs/event-store/src/testing/register-ts.cjs some-script.ts
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const { transformSync } = require('@swc/core');

const repo = path.resolve(__dirname, '..', '..', '..', '..');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveAlias(request, ...rest) {
  const match = /^@xb\/([a-z-]+)(\/.*)?$/.exec(request);
  if (match) request = path.join(repo, 'libs', match[1], 'src', match[2] ?? '');
  return resolveFilename.call(this, request, ...rest);
};

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
