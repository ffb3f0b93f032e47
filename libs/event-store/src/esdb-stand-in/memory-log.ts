/**
 * The stand-in's in-memory transaction log: streams, the $all order, optimistic concurrency and
 * idempotent retries as EventStoreDB applies them (to the extent docs/event-store.md lists).
 */
import { EventEmitter } from 'node:events';

export interface LoggedRecord {
  readonly streamName: string;
  readonly revision: bigint;
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly customMetadata: Uint8Array;
  /** .NET ticks since the Unix epoch, as EventStoreDB sends `created`. */
  readonly created: string;
  /** Commit position (equal to the prepare position here), strictly increasing, not contiguous. */
  readonly position: bigint;
}

export interface ProposedRecord {
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly customMetadata: Uint8Array;
}

export type Expected = 'any' | 'no_stream' | 'stream_exists' | bigint;
export type Current = bigint | 'no_stream';

export type AppendOutcome =
  | { readonly kind: 'success'; readonly currentRevision: bigint; readonly position: bigint }
  | { readonly kind: 'wrong_expected_version'; readonly current: Current };

/** A record's size on the "log": positions advance by it, as byte offsets do in a real log. */
const recordSize = (record: ProposedRecord): bigint =>
  BigInt(64 + record.data.length + record.customMetadata.length + record.type.length);

export class MemoryLog extends EventEmitter<{ appended: [LoggedRecord] }> {
  readonly all: LoggedRecord[] = [];
  private readonly streams = new Map<string, LoggedRecord[]>();
  private nextPosition = 128n;

  stream(name: string): readonly LoggedRecord[] | undefined {
    return this.streams.get(name);
  }

  current(name: string): Current {
    const records = this.streams.get(name);
    return records?.length ? records[records.length - 1].revision : 'no_stream';
  }

  append(streamName: string, expected: Expected, proposed: readonly ProposedRecord[]): AppendOutcome {
    const retried = this.idempotentRetry(streamName, expected, proposed);
    if (retried) return retried;
    const current = this.current(streamName);
    if (!matches(expected, current)) return { kind: 'wrong_expected_version', current };
    const records = this.streams.get(streamName) ?? [];
    this.streams.set(streamName, records);
    let revision = current === 'no_stream' ? 0n : current + 1n;
    const created = (BigInt(Date.now()) * 10_000n).toString();
    for (const record of proposed) {
      const logged: LoggedRecord = { ...record, streamName, revision, created, position: this.nextPosition };
      this.nextPosition += recordSize(record);
      records.push(logged);
      this.all.push(logged);
      revision += 1n;
    }
    for (const logged of records.slice(-proposed.length)) this.emit('appended', logged);
    if (proposed.length === 0)
      return { kind: 'success', currentRevision: revision - 1n, position: this.lastPosition() };
    return {
      kind: 'success',
      currentRevision: revision - 1n,
      position: this.all[this.all.length - 1].position,
    };
  }

  /** EventStoreDB answers a re-sent batch (same ids, where `expected` put it) with the original result. */
  private idempotentRetry(
    streamName: string,
    expected: Expected,
    proposed: readonly ProposedRecord[],
  ): AppendOutcome | undefined {
    const records = this.streams.get(streamName);
    if (!records || proposed.length === 0) return undefined;
    const start = records.findIndex((record) => record.id === proposed[0].id);
    if (start < 0) return undefined;
    const before: Current = start === 0 ? 'no_stream' : BigInt(start - 1);
    if (!matches(expected, before) && expected !== 'stream_exists') return undefined;
    const same = proposed.every((record, i) => records[start + i]?.id === record.id);
    if (!same) return undefined;
    const last = records[start + proposed.length - 1];
    return { kind: 'success', currentRevision: last.revision, position: last.position };
  }

  private lastPosition(): bigint {
    return this.all.length ? this.all[this.all.length - 1].position : 0n;
  }
}

function matches(expected: Expected, current: Current): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return current === 'no_stream';
  if (expected === 'stream_exists') return current !== 'no_stream';
  return current === expected;
}
