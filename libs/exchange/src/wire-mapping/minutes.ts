/**
 * Co-signed hand-over minutes ↔ `<Process>MinutesProposal` / `<Process>MinutesCountersignature`, for
 * repatriations and suspect hand-overs alike.
 * The minutes travel as their canonical bytes (docs/protocol.md section 3a) so that the receiver checks
 * the signature over exactly what was signed; bytes that are not the canonical form of a minutes record
 * are refused (a record re-encoded differently could not be verified from the case later).
 */
import { canonicalMinutesText, HandoverMinutes, MinutesSignature, minutesShapeProblems } from '@xb/domain';
import { WireTable } from './types';

/** The UTF-8 bytes both sides sign. */
export const minutesBytesOf = (minutes: HandoverMinutes): Uint8Array =>
  new Uint8Array(Buffer.from(canonicalMinutesText(minutes), 'utf8'));

/** The minutes record in canonical bytes, or undefined when the bytes are not one in canonical form. */
export const minutesOfBytes = (bytes: Uint8Array | null | undefined): HandoverMinutes | undefined => {
  if (!bytes || bytes.length === 0 || bytes.length > 256 * 1024) return undefined;
  const text = Buffer.from(bytes).toString('utf8');
  try {
    const minutes = JSON.parse(text) as HandoverMinutes;
    if (minutesShapeProblems(minutes).length > 0) return undefined;
    return canonicalMinutesText(minutes) === text ? minutes : undefined;
  } catch {
    return undefined;
  }
};

const base64 = (bytes: Uint8Array | null | undefined) =>
  bytes && bytes.length > 0 ? Buffer.from(bytes).toString('base64') : undefined;

type SignedMinutes =
  { readonly minutes: HandoverMinutes; readonly signature: string } | { readonly invalid: string };

/** Every minutes payload has the same two fields, whichever process it belongs to. */
interface SignedMinutesMessage {
  readonly minutes?: Uint8Array | null;
  readonly signature?: Uint8Array | null;
}

const signedMinutesOf = (message: SignedMinutesMessage): SignedMinutes => {
  const minutes = minutesOfBytes(message.minutes);
  const signature = base64(message.signature);
  if (!minutes) return { invalid: 'minutes' };
  if (!signature) return { invalid: 'signature' };
  return { minutes, signature };
};

/** Our signature and the minutes it signs, as the event recorded them. */
const signedToWire = (minutes: HandoverMinutes | undefined, signature: string) =>
  minutes === undefined
    ? undefined
    : { minutes: minutesBytesOf(minutes), signature: new Uint8Array(Buffer.from(signature, 'base64')) };

type MinutesKind =
  | 'RepatriationMinutesProposal'
  | 'RepatriationMinutesCountersignature'
  | 'SuspectHandoverMinutesProposal'
  | 'SuspectHandoverMinutesCountersignature';

/** The event that queued our signature, to the payload `payloadType` (the same two fields for every kind). */
const toWireAs =
  <P extends `xborder.v1.${MinutesKind}`>(payloadType: P) =>
  ({
    data,
  }: {
    readonly data: { readonly minutes: HandoverMinutes; readonly signature: MinutesSignature };
  }) => {
    const payload = signedToWire(data.minutes, data.signature.signature);
    return payload ? { payloadType, payload } : { missing: 'minutes' };
  };

export const MINUTES_WIRE: Pick<WireTable, MinutesKind> = {
  RepatriationMinutesProposal: {
    toWire: toWireAs('xborder.v1.RepatriationMinutesProposal'),
    fromWire: { 'xborder.v1.RepatriationMinutesProposal': signedMinutesOf },
  },
  RepatriationMinutesCountersignature: {
    toWire: toWireAs('xborder.v1.RepatriationMinutesCountersignature'),
    fromWire: { 'xborder.v1.RepatriationMinutesCountersignature': signedMinutesOf },
  },
  SuspectHandoverMinutesProposal: {
    toWire: toWireAs('xborder.v1.SuspectHandoverMinutesProposal'),
    fromWire: { 'xborder.v1.SuspectHandoverMinutesProposal': signedMinutesOf },
  },
  SuspectHandoverMinutesCountersignature: {
    toWire: toWireAs('xborder.v1.SuspectHandoverMinutesCountersignature'),
    fromWire: { 'xborder.v1.SuspectHandoverMinutesCountersignature': signedMinutesOf },
  },
};
