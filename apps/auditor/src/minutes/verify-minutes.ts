import type { PublicKey } from 'openpgp';
import { canonicalJson, HandoverMinutes, MINUTES_SIGNATURE_EVENT_TYPES, MinutesSignature } from '@xb/domain';
import { verifyMinutesSignature } from '@xb/exchange';

/** A key and the agencies it is bound to (by trust-store entry or user id). */
export interface BoundKey {
  readonly key: PublicKey;
  readonly agencies: readonly string[];
}

/** The events that carry a signature over minutes, with the minutes they sign (every process's). */
const SIGNING_EVENTS = new Set(MINUTES_SIGNATURE_EVENT_TYPES);

export interface SignatureCheck {
  readonly agency: string;
  readonly event: string;
  readonly outcome:
    'VALID' | 'MINUTES_SIGNATURE_INVALID' | 'MINUTES_WRONG_SIGNER' | 'MINUTES_DIFFER' | 'NO_KEY';
  readonly signerFingerprint?: string;
  readonly detail?: string;
}

export interface MinutesReport {
  readonly minutesId?: string;
  readonly checks: readonly SignatureCheck[];
  /** Both sides' signatures found and valid over the same minutes. */
  readonly coSigned: boolean;
  /** What is missing or wrong, as reason codes with the field (empty when co-signed). */
  readonly problems: readonly string[];
}

/**
 * Verifies, offline, the signatures over the minutes a case keeps: each must be a valid detached
 * signature over the canonical bytes, by a key bound to the agency that signed, and every signature
 * must be over the same minutes. Co-signed when both the handing and the receiving agency signed.
 */
export async function verifyCaseMinutes(
  events: readonly { readonly type: string; readonly data: Record<string, unknown> }[],
  keys: readonly BoundKey[],
): Promise<MinutesReport> {
  const signed = events.filter((event) => SIGNING_EVENTS.has(event.type));
  if (signed.length === 0) return { checks: [], coSigned: false, problems: ['MINUTES_MISSING:minutes'] };
  const first = signed[0].data.minutes as HandoverMinutes;
  const checks: SignatureCheck[] = [];
  for (const event of signed) {
    const minutes = event.data.minutes as HandoverMinutes;
    const { agency, signature } = event.data.signature as MinutesSignature;
    if (canonicalJson(minutes) !== canonicalJson(first)) {
      checks.push({
        agency,
        event: event.type,
        outcome: 'MINUTES_DIFFER',
        detail: 'not the same minutes as the first signature',
      });
      continue;
    }
    const own = keys.filter((k) => k.agencies.includes(agency)).map((k) => k.key);
    const others = keys.filter((k) => !k.agencies.includes(agency)).map((k) => k.key);
    if (own.length === 0 && others.length === 0) {
      checks.push({ agency, event: event.type, outcome: 'NO_KEY', detail: `no key given for ${agency}` });
      continue;
    }
    const verdict = await verifyMinutesSignature(minutes, signature, own, others);
    checks.push(
      verdict.ok
        ? { agency, event: event.type, outcome: 'VALID', signerFingerprint: verdict.signerFingerprint }
        : { agency, event: event.type, outcome: verdict.reason, detail: verdict.detail },
    );
  }
  const validBy = new Set(checks.filter((c) => c.outcome === 'VALID').map((c) => c.agency));
  const problems = [
    ...checks
      .filter((c) => c.outcome !== 'VALID')
      .map((c) => `${c.outcome}:signature (${c.agency}, ${c.event})`),
    ...[first.handingOverAgency, first.receivingAgency]
      .filter((agency) => !checks.some((c) => c.agency === agency))
      .map((agency) => `SIGNATURE_MISSING:signature (${agency})`),
  ];
  const coSigned =
    problems.length === 0 && validBy.has(first.handingOverAgency) && validBy.has(first.receivingAgency);
  return { minutesId: first.minutesId, checks, coSigned, problems };
}
