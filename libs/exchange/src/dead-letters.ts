import { createHash } from 'node:crypto';
import { IHeaders, Producer } from 'kafkajs';

/** A record for the dead-letter topic: the refused bytes as received, the refusal in headers. */
export interface DeadLetter {
  readonly topic: string;
  readonly key: string;
  readonly value: Buffer;
  readonly headers: IHeaders;
}

export interface DeadLetterFacts {
  readonly reason: string;
  readonly detail: string;
  /** `<inbox topic>/<partition>@<offset>`. */
  readonly source: string;
  readonly refusedAt: string;
}

export function deadLetter(topic: string, key: string, bytes: Buffer, facts: DeadLetterFacts): DeadLetter {
  return {
    topic,
    key,
    value: bytes,
    headers: {
      'xb-reason': facts.reason,
      'xb-detail': facts.detail,
      'xb-source': facts.source,
      'xb-refused-at': facts.refusedAt,
      // The audit event names a large record by these two: they link it to its bytes here.
      'xb-sha256': createHash('sha256').update(bytes).digest('hex'),
      'xb-size': String(bytes.length),
    },
  };
}

/**
 * Most value bytes per produce request. kafkajs puts every record for one partition in a single batch,
 * and the broker refuses a batch over its limit (1 MiB by default): a few large dead letters sent
 * together would be refused, and the partition that refused them would stall.
 */
const CHUNK_BYTES = 512 * 1024;

/** Produces dead letters in chunks under the broker's batch limit. */
export async function produceDeadLetters(producer: Producer, records: readonly DeadLetter[]): Promise<void> {
  let chunk: DeadLetter[] = [];
  let bytes = 0;
  for (const record of records) {
    if (chunk.length > 0 && bytes + record.value.length > CHUNK_BYTES) {
      await produceChunk(producer, chunk);
      [chunk, bytes] = [[], 0];
    }
    chunk.push(record);
    bytes += record.value.length;
  }
  if (chunk.length > 0) await produceChunk(producer, chunk);
}

async function produceChunk(producer: Producer, records: DeadLetter[]): Promise<void> {
  try {
    await send(producer, records);
  } catch (error) {
    if (!isTooLarge(error)) throw error;
    // The topic's limit is below ours: find the record it refuses by sending each alone.
    if (records.length > 1) {
      for (const record of records) await produceChunk(producer, [record]);
      return;
    }
    // A record at the inbox's limit plus our headers can exceed a dead-letter topic provisioned without
    // the headroom of provision.ts: keep the refusal (digest, size, reason) there rather than stall.
    const [record] = records;
    await send(producer, [
      { ...record, value: Buffer.alloc(0), headers: { ...record.headers, 'xb-bytes-omitted': 'too large' } },
    ]);
  }
}

function send(producer: Producer, records: readonly DeadLetter[]) {
  return producer.send({
    topic: records[0].topic,
    acks: -1,
    messages: records.map(({ key, value, headers }) => ({ key, value, headers })),
  });
}

const isTooLarge = (error: unknown): boolean => {
  const e = error as { type?: string; cause?: unknown; originalError?: unknown };
  return (
    e?.type === 'MESSAGE_TOO_LARGE' ||
    e?.type === 'RECORD_LIST_TOO_LARGE' ||
    (e?.originalError !== undefined && isTooLarge(e.originalError)) ||
    (e?.cause !== undefined && isTooLarge(e.cause))
  );
};
