// Writes the README's settings table from libs/config (the single source), between its markers.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
require(path.join(repo, 'scripts/aliases.cjs'));
const { nodeSettings } = require(path.join(repo, 'dist/libs/config/src/node-config.js'));
const rows = Object.values(nodeSettings).map((s) => `| \`${s.name}\` | ${s.defaultText} | ${s.description} |`);
const readme = path.join(repo, 'README.md');
const text = fs.readFileSync(readme, 'utf8');
const out = text.replace(
  /(<!-- settings-table:start -->\n\| setting \| default \| meaning \|\n\| --- \| --- \| --- \|\n)[\s\S]*?(<!-- settings-table:end -->)/,
  `$1${rows.join('\n')}\n$2`,
);
fs.writeFileSync(readme, out);
console.log(`settings table: ${rows.length} settings`);
