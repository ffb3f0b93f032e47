// Builds (incrementally) and runs one entry point of the monorepo: node scripts/run.mjs <path/to/main.ts> [args]
import { spawnSync, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run.mjs <entry.ts> [args]');
  process.exit(2);
}
// The build's chatter goes to standard error: a command's standard output is its result (an exported
// key, a token), for piping.
const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: repo, stdio: ['ignore', 2, 'inherit'] });
if (build.status !== 0) process.exit(build.status ?? 1);

const compiled = path.join(repo, 'dist', entry.replace(/\.ts$/, '.js'));
const child = spawn(process.execPath, ['--enable-source-maps', '-r', path.join(repo, 'scripts/aliases.cjs'), compiled, ...args], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
