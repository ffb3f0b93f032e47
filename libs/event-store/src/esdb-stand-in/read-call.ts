/**
 * One Streams/Read call on the stand-in: a finite read of a stream or $all (then the call ends), or a
 * subscription (confirmation, catch-up, caught-up, then live events until cancelled or dropped).
 */
import * as grpc from '@grpc/grpc-js';
import { ReadReq, type ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { LoggedRecord, MemoryLog } from './memory-log';
import {
  caughtUpResponse,
  confirmationResponse,
  eventResponse,
  filterOf,
  streamName,
  streamNotFoundResponse,
} from './messages';

const { StreamOptions, AllOptions, ReadDirection } = ReadReq.Options;

export class ReadCall {
  /** Whether the call stays open (a subscription) after the constructor returns. */
  readonly isLive: boolean;
  private closed = false;
  private readonly closeListeners: (() => void)[] = [];

  constructor(
    private readonly call: grpc.ServerWritableStream<ReadReq, ReadResp>,
    private readonly log: MemoryLog,
    subscriptionId: string,
  ) {
    const options = call.request.getOptions();
    this.isLive = Boolean(options?.hasSubscription());
    if (!options) {
      call.emit('error', { code: grpc.status.INVALID_ARGUMENT, details: 'read without options' });
      return;
    }
    if (options.hasSubscription()) this.subscribe(options, subscriptionId);
    else this.readOnce(options);
  }

  onClose(listener: () => void): void {
    this.closeListeners.push(listener);
  }

  /** Ends the call as a lost connection does: UNAVAILABLE. */
  close(): void {
    if (this.closed) return;
    this.call.emit('error', { code: grpc.status.UNAVAILABLE, details: 'connection dropped' });
    this.finish();
  }

  private readOnce(options: ReadReq.Options): void {
    const records = options.hasStream() ? this.streamSlice(options) : this.allSlice(options);
    if (records === 'not_found') {
      this.call.write(streamNotFoundResponse(streamName(options.getStream()?.getStreamIdentifier())));
    } else {
      const count = Number(options.getCount() || Number.MAX_SAFE_INTEGER);
      for (const record of records.slice(0, count)) this.call.write(eventResponse(record, options.hasAll()));
    }
    this.call.end();
  }

  private streamSlice(options: ReadReq.Options): readonly LoggedRecord[] | 'not_found' {
    const stream = options.getStream()!;
    const records = this.log.stream(streamName(stream.getStreamIdentifier()));
    if (!records?.length) return 'not_found';
    const forwards = options.getReadDirection() === ReadDirection.FORWARDS;
    const last = records[records.length - 1].revision;
    const from = (() => {
      switch (stream.getRevisionOptionCase()) {
        case StreamOptions.RevisionOptionCase.REVISION:
          return BigInt(stream.getRevision());
        case StreamOptions.RevisionOptionCase.END:
          return forwards ? last + 1n : last;
        default:
          return forwards ? 0n : -1n;
      }
    })();
    return forwards
      ? records.filter((record) => record.revision >= from)
      : records.filter((record) => record.revision <= from).reverse();
  }

  /** $all: forwards from a position inclusive; backwards from a position exclusive (see the docs). */
  private allSlice(options: ReadReq.Options): readonly LoggedRecord[] {
    const all = options.getAll()!;
    const forwards = options.getReadDirection() === ReadDirection.FORWARDS;
    const keep = filterOf(options) ?? (() => true);
    const records = this.log.all.filter(keep);
    switch (all.getAllOptionCase()) {
      case AllOptions.AllOptionCase.POSITION: {
        const from = BigInt(all.getPosition()!.getCommitPosition());
        return forwards
          ? records.filter((record) => record.position >= from)
          : records.filter((record) => record.position < from).reverse();
      }
      case AllOptions.AllOptionCase.END:
        return forwards ? [] : [...records].reverse();
      default:
        return forwards ? records : [];
    }
  }

  private subscribe(options: ReadReq.Options, subscriptionId: string): void {
    const keep = this.subscriptionFilter(options);
    const after = this.startAfter(options);
    this.call.write(confirmationResponse(subscriptionId));
    const withPosition = options.hasAll();
    for (const record of this.log.all) {
      if (after(record) && keep(record)) this.call.write(eventResponse(record, withPosition));
    }
    this.call.write(caughtUpResponse());
    // Catch-up above and this listener run in one tick: no append can fall between them.
    const live = (record: LoggedRecord): void => {
      if (keep(record)) this.call.write(eventResponse(record, withPosition));
    };
    this.log.on('appended', live);
    this.onClose(() => this.log.off('appended', live));
    this.call.on('cancelled', () => this.finish());
    this.call.on('close', () => this.finish());
  }

  private subscriptionFilter(options: ReadReq.Options): (record: LoggedRecord) => boolean {
    if (options.hasStream()) {
      const name = streamName(options.getStream()!.getStreamIdentifier());
      return (record) => record.streamName === name;
    }
    return filterOf(options) ?? (() => true);
  }

  /** Subscriptions start after the given revision or position; from the end means live only. */
  private startAfter(options: ReadReq.Options): (record: LoggedRecord) => boolean {
    if (options.hasStream()) {
      const stream = options.getStream()!;
      switch (stream.getRevisionOptionCase()) {
        case StreamOptions.RevisionOptionCase.REVISION: {
          const revision = BigInt(stream.getRevision());
          return (record) => record.revision > revision;
        }
        case StreamOptions.RevisionOptionCase.END:
          return () => false;
        default:
          return () => true;
      }
    }
    const all = options.getAll()!;
    switch (all.getAllOptionCase()) {
      case AllOptions.AllOptionCase.POSITION: {
        const position = BigInt(all.getPosition()!.getCommitPosition());
        return (record) => record.position > position;
      }
      case AllOptions.AllOptionCase.END:
        return () => false;
      default:
        return () => true;
    }
  }

  private finish(): void {
    if (this.closed) return;
    this.closed = true;
    for (const listener of this.closeListeners) listener();
  }
}
