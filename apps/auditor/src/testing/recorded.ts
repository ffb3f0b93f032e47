import type { RecordedEvent } from '@xb/event-store';

/** FOR TESTS: a recorded event of `type` in `streamId` with `data`, at position `position`. */
export function recorded(
  streamId: string,
  type: string,
  data: unknown,
  position: number,
  occurredAt = '2026-07-01T00:00:00Z',
): RecordedEvent {
  const bytes = Buffer.from(JSON.stringify(data));
  return {
    streamId,
    revision: 0n,
    position: BigInt(position),
    id: `00000000-0000-7000-8000-${String(position).padStart(12, '0')}`,
    type,
    data,
    metadata: { correlationId: streamId, actor: 'system:test', occurredAt, schemaVersion: 1 },
    dataBytes: bytes,
    metadataBytes: new Uint8Array(),
    recordedAt: occurredAt,
  };
}
