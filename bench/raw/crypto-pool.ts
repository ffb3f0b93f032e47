import { ChildProcess, fork, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { Cleanup } from '../harness/cleanup';
import { cpuSecondsOfPid, cpuSecondsOfSelf, rssOfPidMiB, rssOfSelfMiB } from '../harness/proc';
import { ArmoredExchangeKeys } from './crypto-exchange';
import { FromMember, ToMember } from './pool-protocol';

/** `threads`: worker_threads in this process; `processes`: forked single-thread Node processes. */
export type PoolKind = 'threads' | 'processes';

interface Member {
  pid: number | undefined;
  post(message: ToMember): void;
  next(): Promise<FromMember>;
  stop(): Promise<void>;
}

export interface PoolRound {
  /** The members' exchanges per second in this window, summed. */
  exchangesPerSecond: number;
  /** CPU seconds the pool used per wall-clock second of the window: how many cores it really got. */
  coresUsed: number;
}

/**
 * `size` members, each doing whole exchanges back to back; `round()` runs one window on all of them at
 * once and sums their rates. Two pools can live side by side and take turns, so a burst of other work
 * on a shared machine hits both alike. Members stop with `stop()` (and by `cleanup` on Ctrl-C).
 */
export class CryptoPool {
  private constructor(
    readonly kind: PoolKind,
    private readonly members: Member[],
    readonly stop: () => Promise<void>,
  ) {}

  /** Starts the members (child `i` pinned to core `i` with taskset when `pin`) and hands them the keys. */
  static async start(
    kind: PoolKind,
    size: number,
    keys: ArmoredExchangeKeys,
    cleanup: Cleanup,
    pin = false,
  ): Promise<CryptoPool> {
    const members = Array.from({ length: size }, (_, index) =>
      kind === 'threads'
        ? threadMember()
        : processMember(pin ? index % os.availableParallelism() : undefined),
    );
    const stop = cleanup.add(`crypto ${kind} pool`, () =>
      Promise.all(members.map((member) => member.stop())),
    );
    try {
      members.forEach((member) => member.post({ kind: 'init', keys }));
      await Promise.all(members.map((member) => expectReply(member, 'ready')));
    } catch (error) {
      await stop();
      throw error;
    }
    return new CryptoPool(kind, members, stop);
  }

  /** One measurement window on every member at once, after `warmupMs` of unmeasured exchanges. */
  async round(windowMs: number, warmupMs = 0): Promise<PoolRound> {
    const cpuBefore = this.cpuSeconds();
    const wallBefore = performance.now();
    this.members.forEach((member) => member.post({ kind: 'run', warmupMs, windowMs, rounds: 1 }));
    const replies = await Promise.all(this.members.map((member) => expectReply(member, 'result')));
    const wallSeconds = (performance.now() - wallBefore) / 1000;
    return {
      exchangesPerSecond: sum(replies.map((reply) => (reply.kind === 'result' ? reply.rates[0]! : 0))),
      coresUsed: (this.cpuSeconds() - cpuBefore) / wallSeconds,
    };
  }

  /** Resident memory in MiB: of each child (processes), or of this whole process (threads). */
  rssMiB(): number[] {
    return this.kind === 'processes'
      ? this.members.map((member) => rssOfPidMiB(member.pid!) ?? Number.NaN)
      : [rssOfSelfMiB()];
  }

  private cpuSeconds(): number {
    return this.kind === 'threads'
      ? cpuSecondsOfSelf()
      : sum(this.members.map((member) => cpuSecondsOfPid(member.pid!) ?? 0));
  }
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

async function expectReply(member: Member, kind: 'ready' | 'result'): Promise<FromMember> {
  const reply = await member.next();
  if (reply.kind === 'error') throw new Error(`pool member failed: ${reply.message}`);
  if (reply.kind !== kind) throw new Error(`pool member answered ${reply.kind}, expected ${kind}`);
  return reply;
}

function memberFile(): string {
  const file = path.join(__dirname, 'crypto-pool-member.js');
  if (!fs.existsSync(file))
    throw new Error(`${file} is missing: the pools run from the compiled bench (npm run bench)`);
  return file;
}

function threadMember(): Member {
  const worker = new Worker(memberFile());
  const box = mailbox();
  worker.on('message', box.push);
  worker.on('error', box.fail);
  worker.on('exit', (code) => box.fail(new Error(`worker exited with code ${code}`)));
  return {
    pid: undefined,
    post: (message) => worker.postMessage(message),
    next: box.next,
    stop: async () => {
      await worker.terminate();
    },
  };
}

function processMember(core: number | undefined): Member {
  const stdio: ['ignore', 'inherit', 'inherit', 'ipc'] = ['ignore', 'inherit', 'inherit', 'ipc'];
  // taskset execs node in place: same pid, and the IPC channel's descriptor and variable carry over.
  const child =
    core === undefined
      ? fork(memberFile(), [], { execArgv: [], stdio })
      : spawn('taskset', ['-c', String(core), process.execPath, memberFile()], { stdio });
  const box = mailbox();
  child.on('message', (message) => box.push(message as FromMember));
  child.on('error', box.fail);
  child.on('exit', (code, signal) => box.fail(new Error(`child exited with ${signal ?? `code ${code}`}`)));
  return {
    pid: child.pid,
    post: (message) => child.send(message),
    next: box.next,
    stop: () => killChild(child),
  };
}

async function killChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}

/** Messages of one member in arrival order; once the member died, every further wait fails. */
function mailbox() {
  const queue: FromMember[] = [];
  const waiters: { resolve: (message: FromMember) => void; reject: (error: Error) => void }[] = [];
  let failure: Error | undefined;
  return {
    push: (message: FromMember) => {
      const waiter = waiters.shift();
      if (waiter) waiter.resolve(message);
      else queue.push(message);
    },
    fail: (error: Error) => {
      failure ??= error;
      for (const waiter of waiters.splice(0)) waiter.reject(error);
    },
    next: (): Promise<FromMember> => {
      const message = queue.shift();
      if (message) return Promise.resolve(message);
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => waiters.push({ resolve, reject }));
    },
  };
}
