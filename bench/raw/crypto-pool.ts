import { ChildProcess, fork, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { Cleanup } from '../harness/cleanup';
import { cpuSecondsOfPid, cpuSecondsOfSelf, rssOfPidMiB, rssOfSelfMiB } from '../harness/proc';
import { median } from '../harness/stats';
import { ArmoredExchangeKeys } from './crypto-exchange';
import { FromMember, ToMember } from './pool-protocol';

/** `threads`: worker_threads in this process; `processes`: forked single-thread Node processes. */
export type PoolKind = 'threads' | 'processes';

export interface PoolTiming {
  warmupMs: number;
  windowMs: number;
  rounds: number;
  /** Pin child `i` to core `i % cores` with taskset (processes only). */
  pin?: boolean;
}

export interface PoolResult {
  /** Median over rounds of the members' summed exchanges per second. */
  exchangesPerSecond: number;
  /** Resident memory: of each child (processes) or of this whole process (threads), in MiB. */
  rssMiB: number[];
  /** CPU seconds the pool used per wall-clock second while it ran: how many cores it really got. */
  coresUsed: number;
}

interface Member {
  pid: number | undefined;
  post(message: ToMember): void;
  next(): Promise<FromMember>;
  stop(): Promise<void>;
}

/**
 * Runs `size` members that each do whole exchanges back to back in the same windows, and sums their
 * rates per window. Members are stopped when it returns or throws (and by `cleanup` on Ctrl-C).
 */
export async function measurePool(
  kind: PoolKind,
  size: number,
  keys: ArmoredExchangeKeys,
  timing: PoolTiming,
  cleanup: Cleanup,
): Promise<PoolResult> {
  const members = Array.from({ length: size }, (_, index) =>
    kind === 'threads'
      ? threadMember()
      : processMember(timing.pin ? index % os.availableParallelism() : undefined),
  );
  const release = cleanup.add(`crypto ${kind} pool`, () =>
    Promise.all(members.map((member) => member.stop())),
  );
  try {
    members.forEach((member) => member.post({ kind: 'init', keys }));
    await Promise.all(members.map((member) => expectReply(member, 'ready')));
    const cpu = () =>
      kind === 'threads'
        ? cpuSecondsOfSelf()
        : sum(members.map((member) => cpuSecondsOfPid(member.pid!) ?? 0));
    const cpuBefore = cpu();
    const wallBefore = performance.now();
    const { warmupMs, windowMs, rounds } = timing;
    members.forEach((member) => member.post({ kind: 'run', warmupMs, windowMs, rounds }));
    const replies = await Promise.all(members.map((member) => expectReply(member, 'result')));
    const coresUsed = (cpu() - cpuBefore) / ((performance.now() - wallBefore) / 1000);
    const rssMiB =
      kind === 'processes'
        ? members.map((member) => rssOfPidMiB(member.pid!) ?? Number.NaN)
        : [rssOfSelfMiB()];
    const perRound = Array.from({ length: timing.rounds }, (_, round) =>
      sum(replies.map((reply) => (reply.kind === 'result' ? reply.rates[round]! : 0))),
    );
    return { exchangesPerSecond: median(perRound), rssMiB, coresUsed };
  } finally {
    await release();
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
