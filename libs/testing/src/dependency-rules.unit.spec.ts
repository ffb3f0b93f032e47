// The repository's dependency rules (.dependency-cruiser.cjs, run by `npm test` over the real tree) must
// be able to fail: here they run over a small tree of their own, made to break each rule once.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const repo = path.resolve(__dirname, '../../..');
const LIBS = ['domain', 'config', 'envelope', 'testing', 'event-store', 'audit', 'read-models', 'exchange'];

/** Writes `files` (path → source) into a fresh tree with the repo's aliases and runs the rules over it. */
function violations(files: Record<string, string>): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'xb-deprules-'));
  try {
    for (const lib of LIBS) {
      mkdirSync(path.join(dir, 'libs', lib, 'src'), { recursive: true });
      writeFileSync(path.join(dir, 'libs', lib, 'src', 'index.ts'), 'export const here = 1;\n');
    }
    for (const [file, source] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), source);
    }
    const paths = Object.fromEntries(LIBS.map((lib) => [`@xb/${lib}`, [`libs/${lib}/src`]]));
    writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { baseUrl: '.', paths } }),
    );
    symlinkSync(path.join(repo, 'node_modules'), path.join(dir, 'node_modules'));
    const output = execFileSync(
      process.execPath,
      [
        path.join(repo, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'),
        'apps',
        'libs',
        '--config',
        path.join(repo, '.dependency-cruiser.cjs'),
        '--output-type',
        'json',
      ],
      { cwd: dir, encoding: 'utf8' },
    );
    const result = JSON.parse(output) as {
      summary: { violations: { rule: { name: string }; from: string; to: string }[] };
    };
    const target = (to: string) => /node_modules\/((@[^/]+\/)?[^/]+)/.exec(to)?.[1] ?? to;
    return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${target(v.to)}`).sort();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('dependency rules (.dependency-cruiser.cjs)', () => {
  it('pass imports downwards and fail on circles (type-only too), a lib importing an app, an impure domain and upward imports', () => {
    expect(
      violations({
        // allowed
        'libs/exchange/src/relay.ts':
          "import '@xb/audit';\nimport '@xb/event-store';\nimport '@xb/domain';\n",
        'libs/audit/src/seal.ts': "import '@xb/event-store';\nimport 'node:crypto';\n",
        'libs/domain/src/decide.ts': "import { here } from './index';\nexport const d = here;\n",
        'apps/node/src/main.ts': "import '@xb/exchange';\n",
        // refused
        'apps/node/src/node.ts': "import type { W } from './wire';\nexport type N = W;\n",
        'apps/node/src/wire.ts': "import type { N } from './node';\nexport type W = N | string;\n",
        'libs/config/src/app.ts': "import '../../../apps/node/src/node';\n",
        'libs/domain/src/impure.ts': "import 'node:fs';\nimport 'uuid';\n",
        'libs/event-store/src/up.ts': "import '@xb/audit';\n",
        'libs/audit/src/sibling.ts': "import '@xb/read-models';\n",
      }),
    ).toEqual([
      'domain-is-pure: libs/domain/src/impure.ts -> fs',
      'domain-is-pure: libs/domain/src/impure.ts -> uuid',
      'lib-layers:audit: libs/audit/src/sibling.ts -> libs/read-models/src/index.ts',
      'lib-layers:event-store: libs/event-store/src/up.ts -> libs/audit/src/index.ts',
      'no-circular: apps/node/src/node.ts -> apps/node/src/wire.ts',
      'no-lib-imports-app: libs/config/src/app.ts -> apps/node/src/node.ts',
    ]);
  });
});
