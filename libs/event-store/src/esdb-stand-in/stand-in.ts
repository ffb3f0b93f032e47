/**
 * A loopback stand-in for EventStoreDB, for tests only: an in-memory @grpc/grpc-js server serving the
 * public Streams API (Append, Read for streams, $all and subscriptions) with the service definitions the
 * client package ships. ServerFeatures is not registered, so the client falls back to plain Append.
 * What it does not cover is listed in docs/event-store.md.
 */
import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import type { AppendReq, AppendResp, ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { MemoryLog, type ProposedRecord } from './memory-log';
import { appendResponse, expectedOf, proposedOf, streamName } from './messages';
import { ReadCall } from './read-call';

export interface EsdbStandInOptions {
  /** Largest append (sum of data and metadata bytes) accepted, as EventStoreDB's MaxAppendSize. Default 1 MiB. */
  readonly maxAppendSize?: number;
}

export class EsdbStandIn {
  readonly log = new MemoryLog();
  private server: grpc.Server | undefined;
  private readonly openReads = new Set<ReadCall>();

  private constructor(
    private port: number,
    private readonly maxAppendSize: number,
  ) {}

  /** Starts on 127.0.0.1 and an ephemeral port. */
  static async start(options: EsdbStandInOptions = {}): Promise<EsdbStandIn> {
    const standIn = new EsdbStandIn(0, options.maxAppendSize ?? 1024 * 1024);
    await standIn.listen();
    return standIn;
  }

  /** The connection string for `EventStoreDBClient.connectionString` (one host, no TLS: no gossip). */
  get connectionString(): string {
    return `esdb://127.0.0.1:${this.port}?tls=false`;
  }

  /** How many subscriptions (Read calls with subscription options) the stand-in has accepted. */
  subscriptionsServed = 0;

  /** How many Read calls (reads and subscriptions) are open now. */
  get openReadCount(): number {
    return this.openReads.size;
  }

  /**
   * Drops every live connection (the HTTP/2 sessions, and with them every call), then listens again on
   * the same port with the same data, as a server restart or a network cut looks to the client.
   */
  async dropConnections(): Promise<void> {
    for (const read of this.openReads) read.close();
    this.openReads.clear();
    this.server?.forceShutdown();
    await this.listen();
  }

  async stop(): Promise<void> {
    for (const read of this.openReads) read.close();
    this.openReads.clear();
    this.server?.forceShutdown();
    this.server = undefined;
  }

  private async listen(): Promise<void> {
    const server = new grpc.Server();
    server.addService(StreamsService, {
      read: (call: grpc.ServerWritableStream<ReadReq, ReadResp>) => this.read(call),
      append: (
        call: grpc.ServerReadableStream<AppendReq, AppendResp>,
        callback: grpc.sendUnaryData<AppendResp>,
      ) => this.append(call, callback),
      delete: unimplemented,
      tombstone: unimplemented,
      batchAppend: (call: grpc.ServerDuplexStream<unknown, unknown>) =>
        call.emit('error', {
          code: grpc.status.UNIMPLEMENTED,
          details: 'BatchAppend is not served by the stand-in',
        }),
    });
    this.port = await bindWithRetries(server, this.port);
    this.server = server;
  }

  private read(call: grpc.ServerWritableStream<ReadReq, ReadResp>): void {
    const read = new ReadCall(call, this.log, randomUUID());
    if (!read.isLive) return;
    this.subscriptionsServed++;
    this.openReads.add(read);
    read.onClose(() => this.openReads.delete(read));
  }

  private append(
    call: grpc.ServerReadableStream<AppendReq, AppendResp>,
    callback: grpc.sendUnaryData<AppendResp>,
  ): void {
    let options: AppendReq.Options | undefined;
    const proposed: ProposedRecord[] = [];
    call.on('data', (request: AppendReq) => {
      if (request.hasOptions()) options = request.getOptions();
      else if (request.hasProposedMessage()) proposed.push(proposedOf(request.getProposedMessage()!));
    });
    call.on('end', () => {
      if (!options)
        return callback({ code: grpc.status.INVALID_ARGUMENT, details: 'append without options' });
      if (proposed.some((record) => !record.id || !record.type)) {
        return callback({
          code: grpc.status.INVALID_ARGUMENT,
          details: 'every event needs an id and a type',
        });
      }
      const size = proposed.reduce(
        (sum, record) => sum + record.data.length + record.customMetadata.length,
        0,
      );
      if (size > this.maxAppendSize) return callback(maxAppendSizeExceeded(this.maxAppendSize));
      const expected = expectedOf(options);
      const outcome = this.log.append(streamName(options.getStreamIdentifier()), expected, proposed);
      callback(null, appendResponse(outcome, expected));
    });
  }
}

/** Binds 127.0.0.1:port (0: any free port); after a hard shutdown the old socket may need a moment. */
async function bindWithRetries(server: grpc.Server, port: number, attempts = 40): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await new Promise<number>((resolve, reject) =>
        server.bindAsync(`127.0.0.1:${port}`, grpc.ServerCredentials.createInsecure(), (error, bound) =>
          error ? reject(error) : resolve(bound),
        ),
      );
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

function unimplemented(_call: unknown, callback: grpc.sendUnaryData<never>): void {
  callback({ code: grpc.status.UNIMPLEMENTED, details: 'not served by the stand-in' });
}

function maxAppendSizeExceeded(limit: number): Partial<grpc.ServiceError> {
  const metadata = new grpc.Metadata();
  metadata.set('exception', 'maximum-append-size-exceeded');
  metadata.set('maximum-append-size', String(limit));
  return { code: grpc.status.INVALID_ARGUMENT, details: 'Maximum Append Size Exceeded', metadata };
}
