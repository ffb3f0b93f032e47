import Database from 'better-sqlite3';

/** A sign, inside the SQLite file, that events were cut from the end of the store. */
export interface TruncationSign {
  readonly code: 'TRAIL_TRUNCATED';
  readonly message: string;
}

/**
 * What the SQLite file remembers beyond its events: the autoincrement sequence of `events` (never rolled
 * back by a delete) and the followers' checkpoints (relay, seal anchorer, responder), which only ever name
 * positions that existed. Either pointing past the last event means the tail was cut, sealed or not.
 * Read in one transaction, so a node appending meanwhile cannot make a false alarm. Someone who also
 * rewrites these leaves no sign here: the counterpart's copy of our seal heads is the check that remains.
 */
export function truncationSigns(file: string): TruncationSign[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.transaction(() => {
      const { last } = db.prepare('SELECT max(position) AS last FROM events').safeIntegers().get() as {
        last: bigint | null;
      };
      const end = last ?? 0n;
      const seen = `the last event is at position ${end}`;
      const signs: TruncationSign[] = [];
      const sequence = db
        .prepare("SELECT seq FROM sqlite_sequence WHERE name = 'events'")
        .safeIntegers()
        .get() as { seq: bigint } | undefined;
      if (sequence && sequence.seq > end)
        signs.push({
          code: 'TRAIL_TRUNCATED',
          message: `the store's sequence has handed out positions up to ${sequence.seq} but ${seen}: events after it were removed`,
        });
      const checkpoints = db
        .prepare('SELECT name, position FROM checkpoints WHERE position > ? ORDER BY name')
        .safeIntegers()
        .all(end) as { name: string; position: bigint }[];
      for (const { name, position } of checkpoints)
        signs.push({
          code: 'TRAIL_TRUNCATED',
          message: `checkpoint ${name} has passed position ${position} but ${seen}: events after it were removed`,
        });
      return signs;
    })();
  } finally {
    db.close();
  }
}
