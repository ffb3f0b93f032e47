// Generates the protobufjs static module and its TypeScript declarations from proto/ (the source of truth)
// into libs/envelope/src/generated/. Never edit the output by hand.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const protoDir = path.join(repo, 'proto');
const outDir = path.join(repo, 'libs/envelope/src/generated');
const files = fs.existsSync(protoDir)
  ? fs.readdirSync(protoDir, { recursive: true }).filter((f) => String(f).endsWith('.proto')).map((f) => path.join(protoDir, String(f))).sort()
  : [];
if (files.length === 0) {
  console.log('proto-gen: no .proto files yet');
  process.exit(0);
}
fs.mkdirSync(outDir, { recursive: true });
const bin = (name) => path.join(repo, 'node_modules/.bin', name);
const js = path.join(outDir, 'xborder.js');
execFileSync(bin('pbjs'), ['-t', 'static-module', '-w', 'commonjs', '--force-long', '-p', protoDir, '-o', js, ...files], { stdio: 'inherit' });
execFileSync(bin('pbts'), ['-o', path.join(outDir, 'xborder.d.ts'), js], { stdio: 'inherit' });
console.log(`proto-gen: ${files.length} .proto files -> ${path.relative(repo, outDir)}`);
