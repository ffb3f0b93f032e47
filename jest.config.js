// One jest config, one project per lib and app. XB_TIER picks the test tiers named in the file names
// (docs/conventions.md rule 5): `unit` needs nothing running; `int` and `e2e` get the real Kafka broker that
// the global setup starts once (and stops at the end) for the whole run.
const fs = require('node:fs');
const path = require('node:path');

const tiers = { unit: ['unit'], int: ['int', 'e2e'], all: ['unit', 'int', 'e2e'] }[process.env.XB_TIER ?? 'all'];
if (!tiers) throw new Error(`XB_TIER must be unit, int or all, got "${process.env.XB_TIER}"`);

const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const moduleNameMapper = {};
for (const lib of fs.readdirSync(path.join(__dirname, 'libs'))) {
  moduleNameMapper[`^@xb/${lib}$`] = `<rootDir>/libs/${lib}/src`;
  moduleNameMapper[`^@xb/${lib}/(.*)$`] = `<rootDir>/libs/${lib}/src/$1`;
}

const roots = ['apps', 'libs', 'bench']
  .flatMap((top) => (fs.existsSync(top) ? fs.readdirSync(top).map((name) => `${top}/${name}`) : []))
  .filter((dir) => fs.statSync(dir).isDirectory())
  // The deployment manifests' checks (deploy/*.spec.ts) are one project of their own.
  .concat(fs.existsSync('deploy') ? ['deploy'] : []);

const needsBroker = tiers.includes('int');

module.exports = {
  ...(needsBroker ? { globalSetup: '<rootDir>/libs/testing/src/jest/global-setup.ts', globalTeardown: '<rootDir>/libs/testing/src/jest/global-teardown.ts' } : {}),
  projects: roots.map((dir) => ({
    displayName: dir.replace(/^(apps|libs|bench)\//, ''),
    rootDir: __dirname,
    roots: [`<rootDir>/${dir}`],
    testMatch: tiers.map((tier) => `**/*.${tier}.spec.ts`),
    transform: { '^.+\\.ts$': swc },
    moduleNameMapper,
    testEnvironment: 'node',
  })),
  testTimeout: 60_000,
};
