import { ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { InvalidEnvelopeInput } from '@xb/envelope';
import type { EnvelopeCodecOptions } from '../envelope-codec';
import type { InboundReceipt, InboxCodec, OpenedRecord, OutboundMessage } from '../ports';
import {
  CallError,
  CodecCall,
  FromChild,
  fromWire,
  KeyMaterial,
  keyMaterialOf,
  ToChild,
  trustSnapshotOf,
  WireOpened,
} from './pool-messages';

export interface PooledCodecOptions extends EnvelopeCodecOptions {
  /** How many children; each seals and opens on its own core. */
  readonly size: number;
  /** Told when a child dies and another is started (no key material, no payload). */
  readonly onChildExit?: (detail: string) => void;
}

/** A call that was in flight in a child that died: the caller may simply try again. */
export class CryptoChildGone extends Error {
  readonly code = 'CRYPTO_CHILD_GONE';
}

interface Pending {
  resolve: (value: Uint8Array | WireOpened) => void;
  reject: (error: Error) => void;
  op: CodecCall['op'];
}

interface Child {
  readonly process: ChildProcess;
  readonly pending: Map<number, Pending>;
  /** Settles once the child built its codec, or rejects when it could not. */
  readonly ready: Promise<void>;
  /** The trust store version this child was last sent. */
  trustVersion: number;
}

/** A child that died within this time of its start is restarted only after it, not at once. */
const RESTART_DELAY_MS = 1_000;
/** How long stop() waits for the children to leave before it kills them. */
const STOP_BOUND_MS = 5_000;

/**
 * The EnvelopeCodec spread over `size` forked Node processes, so seal, open and receipt signing use
 * more than the node's one thread (docs/design.md, "The crypto pool"). Each child builds its own
 * EnvelopeCodec from key material sent over its IPC channel, and gets the trust store again whenever
 * the node's changes (an agency directory replaced it), before the first call that needs it. Calls go
 * to the child with the fewest in flight. Order is the callers' business, as with the codec in the
 * thread: each awaits its seal or open before it records the result.
 */
export class PooledCodec implements InboxCodec {
  private readonly children: (Child | undefined)[];
  private readonly keys: KeyMaterial;
  private nextId = 1;
  private turn = 0;
  private stopping = false;
  private readonly restarts = new Set<NodeJS.Timeout>();
  /** Calls waiting for a child because none is running. */
  private forked: (() => void)[] = [];

  private constructor(private readonly options: PooledCodecOptions) {
    this.keys = keyMaterialOf(options);
    this.children = Array.from({ length: options.size }, () => undefined);
  }

  /** Forks the children and waits until each has built its codec (a bad key fails here, not later). */
  static async start(options: PooledCodecOptions): Promise<PooledCodec> {
    if (!Number.isInteger(options.size) || options.size < 1)
      throw new Error(`a crypto pool needs at least one child, got ${options.size}`);
    const pool = new PooledCodec(options);
    for (let slot = 0; slot < options.size; slot++) pool.children[slot] = pool.fork(slot);
    try {
      await Promise.all(pool.children.map((child) => child!.ready));
    } catch (error) {
      await pool.stop();
      throw error;
    }
    return pool;
  }

  /** Process ids of the running children (for the bench's CPU and memory figures, and tests). */
  get pids(): number[] {
    return this.children.flatMap((child) => (child?.process.pid ? [child.process.pid] : []));
  }

  async seal(message: OutboundMessage, sentAt: string): Promise<Uint8Array> {
    return (await this.call({ op: 'seal', message, sentAt })) as Uint8Array;
  }

  async open(bytes: Uint8Array, now: Date): Promise<OpenedRecord> {
    return fromWire((await this.call({ op: 'open', bytes, now })) as WireOpened);
  }

  async signReceipt(receipt: InboundReceipt, to: string): Promise<Uint8Array> {
    return (await this.call({ op: 'signReceipt', receipt, to })) as Uint8Array;
  }

  /** Ends the children: their channel closes and they exit; any that has not within the bound is killed. */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const timer of this.restarts) clearTimeout(timer);
    this.restarts.clear();
    for (const wake of this.forked.splice(0)) wake();
    const children = this.children.filter((child): child is Child => child !== undefined);
    this.children.fill(undefined);
    await Promise.all(children.map((child) => endChild(child.process)));
  }

  private async call(call: CodecCall): Promise<Uint8Array | WireOpened> {
    let child = this.leastBusy();
    // Only while every child is being replaced: the call waits for one rather than failing, since a
    // record that fails too often is refused, and this failure would not be the record's.
    while (!child && !this.stopping) {
      await new Promise<void>((resolve) => this.forked.push(resolve));
      child = this.leastBusy();
    }
    if (this.stopping || !child) throw new Error('the crypto pool is stopped');
    const trust = this.options.trustStore;
    if (child.trustVersion !== trust.version) {
      // Sent on the same channel ahead of the call, so the child has it in place when the call runs.
      child.process.send({ kind: 'trust', trust: trustSnapshotOf(trust) } satisfies ToChild);
      child.trustVersion = trust.version;
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      child.pending.set(id, { resolve, reject, op: call.op });
      child.process.send({ kind: 'call', id, trustVersion: trust.version, call } satisfies ToChild);
    });
  }

  /** The child with the fewest calls in flight; among equals, the next after the last one chosen. */
  private leastBusy(): Child | undefined {
    let best: Child | undefined;
    const size = this.children.length;
    for (let step = 0; step < size; step++) {
      const child = this.children[(this.turn + step) % size];
      if (child && (!best || child.pending.size < best.pending.size)) best = child;
    }
    this.turn = (this.turn + 1) % size;
    return best;
  }

  private fork(slot: number): Child {
    const started = Date.now();
    const entry = childEntry();
    // No argv or environment of the node's reaches the child beyond what Node needs: the keys come
    // over the channel below. stdio 'inherit' for the child's own crash messages only.
    const subprocess = fork(entry.file, [], {
      execArgv: entry.execArgv,
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { PATH: process.env.PATH ?? '' },
    });
    const pending = new Map<number, Pending>();
    let settleReady!: (error?: Error) => void;
    const ready = new Promise<void>((resolve, reject) => {
      settleReady = (error) => (error ? reject(error) : resolve());
    });
    const child: Child = {
      process: subprocess,
      pending,
      ready,
      trustVersion: this.options.trustStore.version,
    };
    subprocess.on('message', (message: FromChild) => {
      if (message.kind === 'ready') settleReady();
      else if (message.kind === 'init-failed')
        settleReady(new Error(`a crypto child could not load the keys: ${message.message}`));
      else settleCall(pending, message);
    });
    // An error event here means the channel or the process failed; exit follows, which cleans up.
    subprocess.on('error', () => undefined);
    subprocess.once('exit', (code, signal) => {
      const how = signal ?? `code ${code}`;
      settleReady(new Error(`a crypto child exited (${how}) before it was ready`));
      for (const [, call] of pending)
        call.reject(new CryptoChildGone(`the crypto child running ${call.op}() exited (${how}); try again`));
      pending.clear();
      if (this.children[slot] !== child) return;
      this.children[slot] = undefined;
      if (this.stopping) return;
      this.options.onChildExit?.(`crypto child ${subprocess.pid} exited (${how}); starting another`);
      const delay = Date.now() - started < RESTART_DELAY_MS ? RESTART_DELAY_MS : 0;
      const timer = setTimeout(() => {
        this.restarts.delete(timer);
        if (this.stopping) return;
        this.children[slot] = this.fork(slot);
        for (const wake of this.forked.splice(0)) wake();
      }, delay);
      this.restarts.add(timer);
    });
    subprocess.send({
      kind: 'init',
      keys: this.keys,
      trust: trustSnapshotOf(this.options.trustStore),
    } satisfies ToChild);
    // Rejections of `ready` after start() are seen by the exit handler and the calls; none unhandled.
    ready.catch(() => undefined);
    return child;
  }
}

function settleCall(pending: Map<number, Pending>, message: Extract<FromChild, { id: number }>): void {
  const call = pending.get(message.id);
  if (!call) return;
  pending.delete(message.id);
  if (message.kind === 'done') call.resolve(message.value);
  else call.reject(errorOf(message.error));
}

/** The child's error as the codec in the thread would have thrown it. */
function errorOf(error: CallError): Error {
  if (error.name === 'InvalidEnvelopeInput' && error.problems)
    return new InvalidEnvelopeInput(error.problems);
  const rebuilt = new Error(error.message);
  rebuilt.name = error.name;
  return rebuilt;
}

/**
 * The compiled child next to this file (production and the bench run dist/ with scripts/aliases.cjs),
 * or the TypeScript source through the repository's test loader (jest runs the sources).
 */
function childEntry(): { file: string; execArgv: string[] } {
  const compiled = path.join(__dirname, 'codec-child.js');
  if (existsSync(compiled)) {
    // dist/libs/exchange/src/codec-pool -> the repository, where scripts/aliases.cjs resolves @xb/*.
    const aliases = path.resolve(__dirname, '../../../../../scripts/aliases.cjs');
    return { file: compiled, execArgv: existsSync(aliases) ? ['-r', aliases] : [] };
  }
  const register = path.resolve(__dirname, '../../../event-store/src/testing/register-ts.cjs');
  return { file: path.join(__dirname, 'codec-child.ts'), execArgv: ['-r', register] };
}

async function endChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Closing the channel is the child's signal to leave (it exits on 'disconnect').
  if (child.connected) child.disconnect();
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_BOUND_MS);
  await exited;
  clearTimeout(timer);
}
