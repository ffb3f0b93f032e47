import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The exchange's Prometheus metrics, on a registry of their own so that several nodes in one process
 * (tests, the demo) do not share counters.
 */
export class ExchangeMetrics {
  readonly registry = new Registry();
  readonly messages = new Gauge({
    name: 'xb_outbound_messages',
    help: 'Outbound messages by state (queued, sent, delivered, rejected, unacknowledged)',
    labelNames: ['state'],
    registers: [this.registry],
  });
  readonly inbound = new Counter({
    name: 'xb_inbound_envelopes_total',
    help: 'Inbound records by outcome (accepted, duplicate, refused, rejected)',
    labelNames: ['outcome'],
    registers: [this.registry],
  });
  readonly refusals = new Counter({
    name: 'xb_envelope_refusals_total',
    help: 'Refused inbound envelopes by reason code',
    labelNames: ['reason'],
    registers: [this.registry],
  });
  readonly consumerLag = new Gauge({
    name: 'xb_inbox_consumer_lag',
    help: 'Records in the inbox topic not yet answered and committed, by partition',
    labelNames: ['partition'],
    registers: [this.registry],
  });
  readonly partitionFailing = new Gauge({
    name: 'xb_inbox_partition_failing',
    help: 'Inbox partitions whose last record failed and is being retried (1) or that progress (0)',
    labelNames: ['partition'],
    registers: [this.registry],
  });
  readonly receiptsParked = new Gauge({
    name: 'xb_receipts_parked',
    help: 'Receipts Kafka did not take (a missing counterpart topic, no access), parked and re-sent',
    registers: [this.registry],
  });
  readonly sealSeconds = new Histogram({
    name: 'xb_seal_duration_seconds',
    help: 'Time to seal (sign and encrypt) one envelope',
    buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.05, 0.1],
    registers: [this.registry],
  });
  readonly openSeconds = new Histogram({
    name: 'xb_open_duration_seconds',
    help: 'Time to open (decrypt and verify) one envelope',
    buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.05, 0.1],
    registers: [this.registry],
  });

  readonly deadlinesEscalated = new Counter({
    name: 'xb_deadlines_escalated_total',
    help: 'Passed deadlines escalated to the duty officer by this process, by process and what was awaited',
    labelNames: ['process', 'kind'],
    registers: [this.registry],
  });

  readonly minutesAwaitingSignature = new Gauge({
    name: 'xb_minutes_awaiting_signature',
    help: 'Hand-over minutes this node drew up or agreed and has not yet signed with the agency key',
    registers: [this.registry],
  });
  readonly minutesSignatureFailures = new Counter({
    name: 'xb_minutes_signature_failures_total',
    help: 'Tries to sign hand-over minutes that failed and are tried again with back-off',
    registers: [this.registry],
  });

  /** Where `xb_store_commits_total` reads its counts from, per file; the node fills it. */
  readonly commitSources: Record<string, () => number> = {};
  readonly storeCommits = new Counter({
    name: 'xb_store_commits_total',
    help: 'Transactions committed by this process, per SQLite file (events, keys): one fsync each',
    labelNames: ['file'],
    registers: [this.registry],
    collect: () => {
      this.storeCommits.reset();
      for (const [file, count] of Object.entries(this.commitSources))
        this.storeCommits.inc({ file }, count());
    },
  });

  constructor(defaultMetrics = false) {
    if (defaultMetrics) collectDefaultMetrics({ register: this.registry });
  }

  /** Times `work` into `histogram`, also when it throws. */
  async time<T>(histogram: Histogram, work: () => Promise<T>): Promise<T> {
    const end = histogram.startTimer();
    try {
      return await work();
    } finally {
      end();
    }
  }
}
