/**
 * Checkpoints in EventStoreDB: one stream per checkpoint (`xbcheckpoint-<name>`), one `CheckpointSaved`
 * event per save; the last one (read backwards) is the checkpoint. The stream's $maxCount keeps it short.
 */
import {
  BACKWARDS,
  END,
  ErrorType,
  type EventStoreDBClient,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { encodeEvents, parseJson } from '../rules';
import { toEventData, toPortError } from './esdb-mapping';

const CHECKPOINT_TYPE = 'CheckpointSaved';
/** Saves kept per checkpoint stream; older ones are scavenged by the server. */
const KEPT_SAVES = 16;

const checkpointStream = (name: string): string => `xbcheckpoint-${name}`;

export async function readCheckpointEvent(
  client: EventStoreDBClient,
  name: string,
): Promise<bigint | undefined> {
  const stream = checkpointStream(name);
  let position: bigint | undefined;
  try {
    // Read to the end, never `return` inside: a half-read client stream keeps Client.dispose() waiting.
    for await (const resolved of client.readStream(stream, {
      direction: BACKWARDS,
      fromRevision: END,
      maxCount: 1,
    }) as AsyncIterable<ResolvedEvent>) {
      const data = resolved.event?.data;
      if (data instanceof Uint8Array) position = BigInt(parseJson<{ position: string }>(data).position);
    }
  } catch (error) {
    const mapped = toPortError(error, stream);
    if ((mapped as { code?: string }).code === 'STREAM_NOT_FOUND') return undefined;
    throw mapped;
  }
  return position;
}

export async function saveCheckpointEvent(
  client: EventStoreDBClient,
  name: string,
  position: bigint,
  maxEventBytes: number,
): Promise<void> {
  const stream = checkpointStream(name);
  const [event] = encodeEvents(
    stream,
    [
      {
        type: CHECKPOINT_TYPE,
        data: { position: position.toString() },
        metadata: {
          correlationId: name,
          actor: 'system:event-store',
          occurredAt: new Date().toISOString(),
          schemaVersion: 1,
        },
      },
    ],
    maxEventBytes,
  );
  const result = await client.appendToStream(stream, [toEventData(event)]);
  // The first save creates the stream: tell the server to keep only the latest saves. A server whose ACLs
  // refuse metadata writes keeps every save instead, which costs space, not correctness.
  if (result.nextExpectedRevision === 0n) {
    await client.setStreamMetadata(stream, { maxCount: KEPT_SAVES }).catch((error: unknown) => {
      if ((error as { type?: unknown }).type !== ErrorType.ACCESS_DENIED) throw error;
    });
  }
}
