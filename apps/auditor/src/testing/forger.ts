/**
 * FOR TESTS: what someone with write access to a node's SQLite file, but not its agency key, can do to the
 * trail: insert an event, renumber the rest, recompute the chain, re-sign every seal with a key of their own
 * (or a counterpart's), rewrite the recorded anchors to the forged heads, and keep the file's sequence and
 * checkpoints in step. Everything a verifier can read from the file then agrees with itself.
 */
import Database from 'better-sqlite3';
import * as openpgp from 'openpgp';
import {
  AUDIT_SEALS_STREAM,
  buildSealEvent,
  extendChain,
  GENESIS,
  openPgpSealSigner,
  parseSeal,
  SEAL_ANCHOR_QUEUED,
  toHex,
  type ChainPoint,
} from '@xb/audit';

interface Row {
  position: bigint;
  stream_id: string;
  revision: bigint;
  event_id: string;
  type: string;
  data: Buffer;
  metadata: Buffer;
  recorded_at: string;
}

export interface Forgery {
  /** The event to insert (in a stream of its own) right after this position; none when undefined. */
  readonly insertAfter?: bigint;
  /** The key the seals are re-signed with. */
  readonly signingKey: openpgp.PrivateKey;
}

export async function forgeTrail(file: string, forgery: Forgery): Promise<void> {
  const db = new Database(file);
  try {
    const rows = db.prepare('SELECT * FROM events ORDER BY position').safeIntegers().all() as Row[];
    const forged = forgery.insertAfter === undefined ? rows : insert(rows, forgery.insertAfter);
    const renumbered = new Map(rows.map((r) => [r.position, forged.indexOf(r) + 1]));
    const rewritten = await rechain(forged, renumbered, forgery.signingKey);
    const shift = BigInt(forged.length - rows.length);
    db.transaction(() => {
      db.prepare('DELETE FROM events').run();
      const add = db.prepare(
        'INSERT INTO events (position, stream_id, revision, event_id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      );
      rewritten.forEach((r, i) =>
        add.run(
          BigInt(i + 1),
          r.stream_id,
          r.revision,
          r.event_id,
          r.type,
          r.data,
          r.metadata,
          r.recorded_at,
        ),
      );
      db.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'events'").run(BigInt(rewritten.length));
      db.prepare('UPDATE checkpoints SET position = position + ?').run(shift);
    })();
  } finally {
    db.close();
  }
}

function insert(rows: Row[], after: bigint): Row[] {
  const at = rows.findIndex((r) => r.position > after);
  const metadata = {
    correlationId: 'forged',
    actor: 'officer:7',
    occurredAt: '2026-07-01T00:00:00Z',
    schemaVersion: 1,
  };
  const row: Row = {
    position: 0n,
    stream_id: 'notice-forged',
    revision: 0n,
    event_id: '0193a7b2-0000-7000-8000-00000000f0f0',
    type: 'InformationNoticeSent',
    data: Buffer.from(JSON.stringify({ caseId: 'forged', title: 'never sent' })),
    metadata: Buffer.from(JSON.stringify(metadata)),
    recorded_at: '2026-07-01T00:00:00.000Z',
  };
  return [...rows.slice(0, at), row, ...rows.slice(at)];
}

/** Walks the forged order, re-signing each seal over the new chain and pointing each anchor at it. */
async function rechain(
  rows: Row[],
  renumbered: Map<bigint, number>,
  key: openpgp.PrivateKey,
): Promise<Row[]> {
  const signer = openPgpSealSigner(key);
  const heads = new Map<number, ChainPoint>();
  const forgedSeals = new Map<string, { position: string; chainHead: string; count: number }>();
  let point = GENESIS;
  const out: Row[] = [];
  for (const [i, original] of rows.entries()) {
    let row = original;
    if (row.stream_id === AUDIT_SEALS_STREAM) {
      const seal = parseSeal({ dataBytes: row.data });
      if (typeof seal === 'string') throw new Error(seal);
      const position = renumbered.get(seal.position)!;
      const at = heads.get(position)!;
      const claim = {
        agencyId: seal.agencyId,
        position: BigInt(position),
        chainHead: at.head,
        count: at.count,
      };
      const event = await buildSealEvent(claim, signer, JSON.parse(row.metadata.toString()).occurredAt);
      row = { ...row, data: Buffer.from(JSON.stringify(event.data)) };
      forgedSeals.set(row.event_id, { position: `${position}`, chainHead: toHex(at.head), count: at.count });
    } else if (row.type === SEAL_ANCHOR_QUEUED && row.stream_id.startsWith('anchor-')) {
      const data = JSON.parse(row.data.toString());
      const forged = forgedSeals.get(data.sealId)!;
      row = { ...row, data: Buffer.from(JSON.stringify({ ...data, ...forged })) };
    }
    const position = BigInt(i + 1);
    point = extendChain(point, {
      position,
      streamId: row.stream_id,
      revision: row.revision,
      id: row.event_id,
      type: row.type,
      dataBytes: row.data,
      metadataBytes: row.metadata,
    });
    heads.set(i + 1, point);
    out.push(row);
  }
  return out;
}
