/**
 * Summarizes a V8 `.cpuprofile` (from `BENCH_CPU_PROF=<dir> npm run bench`): self time by package
 * (openpgp, kafkajs, better-sqlite3, our libs, node internals, GC, idle) and the top functions.
 *   node -r scripts/aliases.cjs dist/bench/ours/profile-summary.js <file.cpuprofile> [top=20]
 */
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's code lives: a package under node_modules, our libs/apps, node internals, or V8's own. */
export function areaOf(url: string, name: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  const ours = /\/(libs|apps)\/([^/]+)\//.exec(url);
  if (ours) return `${ours[1]}/${ours[2]}`;
  if (url.startsWith('node:')) return 'node internals';
  if (!url) return name ? `(${name.replace(/[()]/g, '')})` : '(native)';
  return 'other';
}

/** Self milliseconds per node id, from the samples and their time deltas. */
function selfTimes(profile: Profile): Map<number, number> {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  return self;
}

export function summarize(profile: Profile, top = 20): string {
  const self = selfTimes(profile);
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byArea = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const ms = self.get(node.id) ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    const area = areaOf(url, functionName);
    byArea.set(area, (byArea.get(area) ?? 0) + ms);
    const key = `${functionName || '(anonymous)'} ${area} ${url.split('/').slice(-1)[0]}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
  }
  const busy = total - (byArea.get('(idle)') ?? 0);
  const rows = (map: Map<string, number>, n: number) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(
        ([key, ms]) =>
          `${ms.toFixed(0).padStart(8)} ms ${((100 * ms) / busy).toFixed(1).padStart(5)}%  ${key}`,
      );
  return [
    `profile: ${(total / 1000).toFixed(1)} s sampled, ${(busy / 1000).toFixed(1)} s not idle (shares below are of that)`,
    'self time by area:',
    ...rows(byArea, 15),
    `top ${top} functions by self time:`,
    ...rows(byFunction, top),
  ].join('\n');
}

if (require.main === module) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    process.stderr.write('usage: profile-summary <file.cpuprofile> [top]\n');
    process.exit(2);
  }
  process.stdout.write(
    `${summarize(JSON.parse(fs.readFileSync(file, 'utf8')) as Profile, Number(top ?? 20))}\n`,
  );
}
