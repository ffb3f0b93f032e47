// The layers of the monorepo as a checked rule (docs/architecture.md, "Layers"); run by `npm test`
// (scripts/test.sh) as `npx depcruise apps libs bench --config .dependency-cruiser.cjs`.

/**
 * The libs from the bottom up. A lib may import the libs of lower layers only: never one of its own
 * layer (siblings stay independent) nor one above it.
 */
const LAYERS = [
  ['domain', 'config', 'envelope', 'testing', 'persons', 'console-contract'],
  ['event-store'],
  ['audit', 'read-models', 'protection'],
  ['exchange'],
];

const alternatives = (names) => `(${names.join('|')})`;

const layerRules = LAYERS.flatMap((layer, index) => {
  const below = LAYERS.slice(0, index).flat();
  return layer.map((lib) => ({
    name: `lib-layers:${lib}`,
    comment:
      below.length === 0
        ? `${lib} is in the bottom layer: it imports no other lib`
        : `${lib} may import only ${below.join(', ')} (the layers below it)`,
    severity: 'error',
    from: { path: `^libs/${lib}/` },
    to: {
      path: '^libs/',
      pathNot: `^libs/${alternatives([lib, ...below])}/`,
    },
  }));
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import circle makes the parts impossible to understand, test or start one at a time.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-lib-imports-app',
      comment: 'Libs are used by apps, never the other way round.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^(apps|bench|scripts)/' },
    },
    {
      name: 'domain-is-pure',
      comment:
        'libs/domain is pure decide/evolve: it imports its own files only (no other lib, no npm package, no Node built-in).',
      severity: 'error',
      from: { path: '^libs/domain/' },
      to: { pathNot: '^libs/domain/' },
    },
    {
      name: 'console-contract-is-types',
      comment:
        "libs/console-contract is the API's response types, which the browser console and the node share: it imports nothing.",
      severity: 'error',
      from: { path: '^libs/console-contract/' },
      to: { pathNot: '^libs/console-contract/' },
    },
    {
      name: 'console-reads-only-the-contract',
      comment:
        'The console is built for the browser, apart from the node: of the monorepo it imports the response types (libs/console-contract) only.',
      severity: 'error',
      from: { path: '^apps/console/src/' },
      to: { path: '^(libs|bench|scripts)/|^apps/(?!console/)', pathNot: '^libs/console-contract/' },
    },
    {
      name: 'no-unresolvable',
      comment: 'An import the cruiser cannot resolve would escape every rule above.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    ...layerRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Generated protobuf code is one large module with no imports of ours.
    exclude: { path: '^libs/envelope/src/generated/' },
    // Type-only imports count: a circle through `import type` is still a circle in the design.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
