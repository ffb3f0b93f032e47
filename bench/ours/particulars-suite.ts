import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { EventStore, EventToAppend, SqliteEventStore } from '@xb/event-store';
import { KeyStore, LocalKeyManagement, ParticularsCodec, ProtectedEventStore } from '@xb/protection';
import { BenchSuite } from '../harness/context';

/** A repatriation request's particulars: a victim with a document, a child, the circumstances. */
const person = (i: number) => ({
  personId: uuidv7(),
  name: { original: `Synthetic Person ${i}`, romanised: `Synthetic Person ${i}` },
  dateOfBirth: { year: 2000, month: 1, day: 1 },
  sex: 'female',
  identityDocuments: [{ type: 'national_id', number: `SYN${i}`, issuingCountry: 'VN' }],
});
const event = (i: number): EventToAppend => {
  const caseId = uuidv7();
  return {
    type: 'RepatriationRequested',
    data: {
      caseId,
      victim: person(i),
      children: [{ childId: uuidv7(), person: { ...person(i + 1), personId: undefined } }],
      circumstances: 'Synthetic circumstances of a rescue, no real person. '.repeat(4),
      deadline: '2030-01-01T00:00:00.000Z',
    },
    metadata: {
      correlationId: caseId,
      actor: 'officer:bench',
      occurredAt: new Date().toISOString(),
      schemaVersion: 1,
    },
  };
};

/**
 * What sealing particulars costs (docs/confidentiality.md): the same repatriation requests (one new case,
 * so one new person key and one case key each) appended to a plain SQLite store and to one behind the
 * ProtectedEventStore, and opened again as the command handler and the relay do. The projector reads the
 * sealed data as stored: its cost is the bytes per event, recorded beside.
 */
export const oursParticularsSuite: BenchSuite = {
  name: 'ours-particulars',
  async run({ options, registry, cleanup, log }) {
    const total = options.scale === 'full' ? 10_000 : 2_000;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xb-bench-particulars-'));
    const plain = new SqliteEventStore({ file: path.join(dir, 'plain.sqlite') });
    const kms = LocalKeyManagement.forDataDir(dir);
    const keys = new KeyStore(path.join(dir, 'keys', 'particulars-keys.sqlite'), kms);
    const sealed = new ProtectedEventStore(
      new SqliteEventStore({ file: path.join(dir, 'sealed.sqlite') }),
      new ParticularsCodec(keys, kms),
    );
    const close = cleanup.add('particulars stores', async () => {
      await plain.close();
      await sealed.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    const fill = async (store: EventStore) => {
      const started = performance.now();
      for (let i = 0; i < total; i++) await store.appendToStream(`repatriation-${uuidv7()}`, [event(i)]);
      return total / ((performance.now() - started) / 1000);
    };
    try {
      log(`appending ${total} repatriation requests, plain then sealed`);
      const plainRate = await fill(plain);
      const sealedRate = await fill(sealed);
      registry.record(
        'ours_particulars_append_plain_per_s',
        plainRate,
        'events/s',
        'one request per append, plain SQLite',
      );
      registry.record(
        'ours_particulars_append_sealed_per_s',
        sealedRate,
        'events/s',
        'the same through ProtectedEventStore (2 new keys each)',
      );
      registry.record(
        'ours_particulars_append_ratio',
        sealedRate / plainRate,
        'ratio',
        'sealed / plain appends',
      );

      const stored = await sealed.readAll();
      let started = performance.now();
      const opened = await sealed.openEvents(stored);
      registry.record(
        'ours_particulars_open_per_s',
        opened.length / ((performance.now() - started) / 1000),
        'events/s',
        'openEvents (command handler, relay), keys cached',
      );
      const bytes = (events: { dataBytes: Uint8Array }[]) =>
        events.reduce((n, e) => n + e.dataBytes.length, 0) / events.length;
      const plainEvents = await plain.readAll();
      registry.record(
        'ours_particulars_bytes_ratio',
        bytes(stored) / bytes(plainEvents),
        'ratio',
        'sealed / plain data bytes per event (what the projector reads)',
      );
      started = performance.now();
      for (const e of stored) JSON.parse(Buffer.from(e.dataBytes).toString('utf8'));
      const sealedParse = performance.now() - started;
      started = performance.now();
      for (const e of plainEvents) JSON.parse(Buffer.from(e.dataBytes).toString('utf8'));
      registry.record(
        'ours_particulars_projection_parse_ratio',
        sealedParse / (performance.now() - started),
        'ratio',
        'sealed / plain time to parse the event data',
      );
    } finally {
      await close();
    }
  },
};
