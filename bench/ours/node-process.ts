import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { Cleanup } from '../harness/cleanup';
import { childPidsOf, cpuSecondsWithChildrenOfPid, rssOfPidMiB } from '../harness/proc';

/** The repository root, from dist/bench/ours/ (compiled) or bench/ours/ (sources). */
function repoRoot(): string {
  const up = path.resolve(__dirname, '../..');
  return path.basename(up) === 'dist' ? path.dirname(up) : up;
}

/**
 * One agency node in its own Node process: the compiled `child-node.js` run with the path aliases, as
 * production runs it (no TypeScript loader). With `cpuProfileDir`, V8 writes a `.cpuprofile` there when
 * the node stops.
 */
export class NodeProcess {
  private output = '';

  private constructor(
    readonly agencyId: string,
    private readonly child: ChildProcess,
  ) {}

  static async start(
    agencyId: string,
    env: NodeJS.ProcessEnv,
    cleanup: Cleanup,
    cpuProfileDir?: string,
  ): Promise<{ node: NodeProcess; stop: () => Promise<void> }> {
    const repo = repoRoot();
    const profile = cpuProfileDir
      ? ['--cpu-prof', '--cpu-prof-dir', cpuProfileDir, '--cpu-prof-name', `${agencyId}.cpuprofile`]
      : [];
    const child = spawn(
      process.execPath,
      [
        ...profile,
        '-r',
        path.join(repo, 'scripts/aliases.cjs'),
        path.join(repo, 'dist/apps/node/src/testing/child-node.js'),
      ],
      { cwd: repo, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const node = new NodeProcess(agencyId, child);
    const stop = cleanup.add(`node ${agencyId}`, () => node.stop());
    child.stdout!.on('data', (chunk) => node.keep(chunk));
    child.stderr!.on('data', (chunk) => node.keep(chunk));
    try {
      await node.ready(60_000);
    } catch (error) {
      await stop();
      throw error;
    }
    return { node, stop };
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** The node's resident memory plus its children's (XB_CRYPTO_POOL), summed: shared pages count twice. */
  rssMiB(): number | undefined {
    const own = rssOfPidMiB(this.pid);
    if (own === undefined) return undefined;
    return childPidsOf(this.pid).reduce((sum, child) => sum + (rssOfPidMiB(child) ?? 0), own);
  }

  /** CPU seconds of the node with its children (the crypto pool's work is the node's work). */
  cpuSeconds(): number | undefined {
    return cpuSecondsWithChildrenOfPid(this.pid);
  }

  /** What the node printed (its retry warnings): the tail, for error messages. */
  get log(): string {
    return this.output.slice(-2000);
  }

  /** SIGTERM (the node stops its roles and exits, writing its CPU profile), SIGKILL after 15 s. */
  async stop(): Promise<void> {
    const child = this.child;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }

  /** Settles when the node prints `ready`; rejects when it exits first or takes longer than `timeoutMs`. */
  private ready(timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => finish(new Error(`node ${this.agencyId} not ready in ${timeoutMs} ms: ${this.log}`)),
        timeoutMs,
      );
      const onData = () => {
        if (this.output.includes('ready')) finish();
      };
      const onExit = (code: number | null) =>
        finish(new Error(`node ${this.agencyId} exited ${code}: ${this.log}`));
      const finish = (error?: Error) => {
        clearTimeout(timer);
        this.child.stdout!.off('data', onData);
        this.child.off('exit', onExit);
        if (error) reject(error);
        else resolve();
      };
      this.child.stdout!.on('data', onData);
      this.child.once('exit', onExit);
      onData();
    });
  }

  private keep(chunk: unknown): void {
    // Bounded: a node retrying for minutes must not grow the bench's memory.
    this.output = (this.output + String(chunk)).slice(-20_000);
  }
}
