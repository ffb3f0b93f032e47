import { measureSealOpen, SealOpenRates } from '@xb/envelope';
import { BenchSuite } from '../harness/context';
import { median } from '../harness/stats';

/**
 * Our envelope lib's seal and open (protobuf header and payload, signed and encrypted to the receiver
 * and the sender's own copy, ~1 KiB payload: the raw crypto suite's shape), `rounds` runs of
 * `measureSealOpen`, median reported. Paired with `raw_crypto_seal_per_s` / `raw_crypto_open_per_s`.
 */
export const oursEnvelopeSuite: BenchSuite = {
  name: 'ours-envelope',
  async run({ options, registry, log }) {
    // About one measurement window of seals at the raw rate (~500/s here), then as many opens.
    const n = Math.max(50, Math.round(options.seconds * 200));
    log(`measuring our seal and open, ${options.rounds} x ${n} envelopes`);
    await measureSealOpen(Math.min(n, 50)); // warm-up: JIT and openpgp's lazy module loading
    const runs: SealOpenRates[] = [];
    for (let round = 0; round < options.rounds; round++) runs.push(await measureSealOpen(n));
    const first = runs[0]!;
    registry.record(
      'ours_envelope_bytes',
      first.envelopeBytes,
      'bytes',
      `sealed envelope: ${first.payloadBytes} B protobuf payload, 2 recipients`,
    );
    registry.record(
      'ours_seal_per_s',
      median(runs.map((run) => run.sealPerSecond)),
      'ops/s',
      `@xb/envelope sealEnvelope, 1 thread, median of ${runs.length} x ${n}`,
    );
    registry.record(
      'ours_open_per_s',
      median(runs.map((run) => run.openPerSecond)),
      'ops/s',
      `@xb/envelope openEnvelope (trust store, header checks), 1 thread`,
    );
  },
};
