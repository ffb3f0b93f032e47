/**
 * A self-contained measurement of seal and open rates for a ~1 KiB payload, for the benchmark
 * (bench/) and for people: two fresh agency keys, one trust store, n seals then n opens.
 */
import { generateAgencyKey, readAgencyPrivateKey, readPublicKeyCached } from './agency-key';
import { openEnvelope } from './open';
import { sealEnvelope } from './seal';
import { TrustStore } from './trust-store';
import { v1 } from './wire';

export interface SealOpenRates {
  readonly n: number;
  readonly payloadBytes: number;
  readonly envelopeBytes: number;
  readonly sealPerSecond: number;
  readonly openPerSecond: number;
}

const SENDER = 'VN.BGC.LAICHAU';
const RECIPIENT = 'CN.YN.BORDERPOLICE';

/** Seals `n` envelopes (default 200), then opens each; returns operations per second of each step. */
export async function measureSealOpen(n = 200): Promise<SealOpenRates> {
  const [senderKeys, recipientKeys] = await Promise.all([
    generateAgencyKey({ agencyId: SENDER }),
    generateAgencyKey({ agencyId: RECIPIENT }),
  ]);
  const senderKey = await readAgencyPrivateKey(senderKeys.privateKeyArmored);
  const recipientKey = await readAgencyPrivateKey(recipientKeys.privateKeyArmored);
  const senderPublic = await readPublicKeyCached(senderKeys.publicKeyArmored);
  const recipientPublic = await readPublicKeyCached(recipientKeys.publicKeyArmored);
  const since = new Date(Date.now() - 3_600_000);
  const trustStore = new TrustStore([
    { agencyId: SENDER, fingerprint: senderKeys.fingerprint, validFrom: since, key: senderPublic },
  ]);
  const payload = sampleNotice();
  const payloadBytes = v1.CaseInformation.encode(payload).finish().length;

  const sealStart = performance.now();
  const envelopes: Uint8Array[] = [];
  for (let i = 0; i < n; i++) {
    envelopes.push(
      await sealEnvelope({
        header: sampleHeader(i),
        payloadType: 'xborder.v1.CaseInformation',
        payload,
        senderKey,
        recipientKeys: [recipientPublic, senderPublic],
      }),
    );
  }
  const sealMs = performance.now() - sealStart;
  const openStart = performance.now();
  for (const bytes of envelopes) {
    const opened = await openEnvelope(bytes, {
      ownAgencyId: RECIPIENT,
      ownPrivateKey: recipientKey,
      trustStore,
    });
    if (!opened.ok) throw new Error(`measureSealOpen: open refused (${opened.reason}: ${opened.detail})`);
  }
  const openMs = performance.now() - openStart;
  return {
    n,
    payloadBytes,
    envelopeBytes: envelopes[0]?.length ?? 0,
    sealPerSecond: (n * 1000) / sealMs,
    openPerSecond: (n * 1000) / openMs,
  };
}

function sampleHeader(i: number) {
  const hex = i.toString(16).padStart(12, '0');
  return {
    messageId: `01900000-0000-7000-8000-${hex}`,
    correlationId: '01900000-0000-7000-8000-000000000000',
    senderAgencyId: SENDER,
    recipientAgencyId: RECIPIENT,
    channel: v1.Channel.CHANNEL_LIAISON_OFFICE,
    sentAt: new Date(),
    handling: {
      dissemination: v1.Dissemination.DISSEMINATION_RECEIVING_AGENCY,
      evidentialUse: v1.EvidentialUse.EVIDENTIAL_USE_INTELLIGENCE_ONLY,
    },
  };
}

/** About 1 KiB encoded: a case information notice with free text (no real particulars). */
function sampleNotice(): v1.CaseInformation.$Properties {
  return {
    subject: 'Benchmark notice: recruitment through fake job offers',
    body: 'Synthetic benchmark text. '.repeat(36),
    relatedCaseIds: ['01900000-0000-7000-8000-00000000aaaa'],
  };
}
