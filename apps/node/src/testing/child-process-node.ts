import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { waitFor } from '@xb/testing';
import { TestAgency } from './node-pair';

const repo = path.resolve(__dirname, '../../../..');

/** A node running in its own process, which a test can SIGKILL and start again on the same data dir. */
export class ChildProcessNode {
  private child?: ChildProcess;
  private output = '';

  constructor(private readonly agency: TestAgency) {}

  async start(): Promise<void> {
    this.output = '';
    const child = spawn(
      process.execPath,
      [
        '-r',
        path.join(repo, 'libs/event-store/src/testing/register-ts.cjs'),
        path.join(repo, 'apps/node/src/testing/child-node.ts'),
      ],
      {
        cwd: repo,
        env: { ...process.env, ...this.agency.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.child = child;
    child.stdout!.on('data', (chunk) => (this.output += String(chunk)));
    child.stderr!.on('data', (chunk) => (this.output += String(chunk)));
    await waitFor(
      `${this.agency.agencyId} child node to be ready`,
      () => {
        if (child.exitCode !== null) throw new Error(`child node exited ${child.exitCode}: ${this.output}`);
        return this.output.includes('ready');
      },
      { timeoutMs: 60_000, intervalMs: 100 },
    );
  }

  /** Kills the process without warning: no shutdown hook runs. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }

  /**
   * Sends SIGTERM and waits, at most `boundMs`, for the process to exit: returns how it exited and how
   * long it took. Past the bound it is killed and this throws, so a hang fails the test, never the run.
   */
  async terminate(boundMs: number): Promise<{ code: number | null; signal: string | null; ms: number }> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null)
      throw new Error('the node is not running');
    const started = Date.now();
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    child.kill('SIGTERM');
    try {
      await waitFor(
        'the node to exit after SIGTERM',
        () => child.exitCode !== null || child.signalCode !== null,
        {
          timeoutMs: boundMs,
          intervalMs: 50,
        },
      );
    } catch (error) {
      child.kill('SIGKILL');
      await exited;
      throw error;
    }
    return { ...(await exited), ms: Date.now() - started };
  }

  get log(): string {
    return this.output;
  }
}
