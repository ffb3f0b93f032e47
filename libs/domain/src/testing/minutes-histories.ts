/**
 * The hand-over minutes' events as either side records them, for the specs of both processes that
 * co-sign minutes (repatriation, suspect hand-over): what each side's history holds once both signed.
 */
import type { HandoverMinutes, MinutesEventOf, MinutesProcess } from '../shared';
import { applied, queued, THEM, US } from './fixtures';

/** What our key's signature over minutes reads as in these histories, and the counterpart's. */
export const OUR_SIGNATURE = 'c2lnVk4=';
export const THEIR_SIGNATURE = 'c2lnQ04=';

export interface MinutesHistory<P extends MinutesProcess> {
  readonly proposed: MinutesEventOf<P>;
  readonly signedByUs: MinutesEventOf<P>;
  readonly coSignedByThem: MinutesEventOf<P>;
  readonly receivedTheirs: MinutesEventOf<P>;
  readonly agreedByUs: MinutesEventOf<P>;
  readonly countersignedByUs: MinutesEventOf<P>;
  /** We hand over: we proposed and signed, they countersigned. */
  readonly coSignedAsHanding: readonly MinutesEventOf<P>[];
  /** We receive: they proposed and signed, we agreed and countersigned. */
  readonly coSignedAsReceiving: readonly MinutesEventOf<P>[];
}

/** `ours`: the minutes we draw up when we hand over; `theirs`: the counterpart's when it does. */
export function minutesHistory<P extends MinutesProcess>(
  process: P,
  ours: HandoverMinutes,
  theirs: HandoverMinutes,
): MinutesHistory<P> {
  // The event names are built from the process: TypeScript cannot narrow them to the union's members.
  const event = (type: string, data: object) => ({ type, data }) as MinutesEventOf<P>;
  const proposed = event(`${process}MinutesProposed`, { minutes: ours });
  const signedByUs = event(`${process}MinutesSigned`, {
    minutesId: ours.minutesId,
    minutes: ours,
    signature: { agency: US, signature: OUR_SIGNATURE },
    ...queued('m-min', `${process}MinutesProposal`),
  });
  const coSignedByThem = event(`${process}MinutesCoSigned`, {
    minutesId: ours.minutesId,
    minutes: ours,
    signature: { agency: THEM, signature: THEIR_SIGNATURE },
    ...applied('in-cs'),
  });
  const receivedTheirs = event(`${process}MinutesReceived`, {
    minutes: theirs,
    signature: { agency: THEM, signature: THEIR_SIGNATURE },
    ...applied('in-min'),
  });
  const agreedByUs = event(`${process}MinutesAgreed`, { minutesId: theirs.minutesId });
  const countersignedByUs = event(`${process}MinutesCountersigned`, {
    minutesId: theirs.minutesId,
    minutes: theirs,
    signature: { agency: US, signature: OUR_SIGNATURE },
    ...queued('m-cs', `${process}MinutesCountersignature`),
  });
  return {
    proposed,
    signedByUs,
    coSignedByThem,
    receivedTheirs,
    agreedByUs,
    countersignedByUs,
    coSignedAsHanding: [proposed, signedByUs, coSignedByThem],
    coSignedAsReceiving: [receivedTheirs, agreedByUs, countersignedByUs],
  };
}
