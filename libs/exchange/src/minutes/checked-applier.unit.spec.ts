/** The inbox's check of a counterpart's minutes signature, before anything is applied. */
import { draftMinutes, HandoverMinutes } from '@xb/domain';
import { generateAgencyKey, readAgencyPrivateKey, readPublicKeyCached, TrustStore } from '@xb/envelope';
import type { PrivateKey, PublicKey } from 'openpgp';
import { ApplyInbound, InboundHeader } from '../ports';
import { minutesBytesOf } from '../wire-mapping/minutes';
import { minutesCheckedApplier } from './checked-applier';
import { signMinutes } from './signatures';

const CN = 'CN.YN.BORDERPOLICE';
const VN = 'VN.BGC.LAICHAU';
const LA = 'LA.PHONGSALY.POLICE';
const CASE = '0193a7b2-0000-7000-8000-000000000201';
const minutes: HandoverMinutes = draftMinutes(
  {
    minutesId: '0193a7b2-0000-7000-8000-0000000000a1',
    handedOverAt: '2026-11-23T02:30:00Z',
    persons: [{ personId: CASE, role: 'victim' }],
    documents: [],
    belongings: [],
    officers: [
      { agency: CN, name: 'A', position: 'P' },
      { agency: VN, name: 'B', position: 'Q' },
    ],
  },
  {
    caseId: CASE,
    process: 'repatriation',
    handingOverAgency: CN,
    receivingAgency: VN,
    borderGate: 'Ma Lu Thang',
    persons: [{ personId: CASE, role: 'victim' }],
  },
);

const keys: Record<string, { privateKey: PrivateKey; publicKey: PublicKey; fingerprint: string }> = {};
let trustStore: TrustStore;
beforeAll(async () => {
  for (const agency of [CN, VN, LA]) {
    const generated = await generateAgencyKey({ agencyId: agency });
    keys[agency] = {
      privateKey: await readAgencyPrivateKey(generated.privateKeyArmored),
      publicKey: await readPublicKeyCached(generated.publicKeyArmored),
      fingerprint: generated.fingerprint,
    };
  }
  // We are VN: we trust CN and LA.
  trustStore = new TrustStore(
    [CN, LA].map((agencyId) => ({
      agencyId,
      fingerprint: keys[agencyId].fingerprint,
      validFrom: new Date('2020-01-01T00:00:00Z'),
      key: keys[agencyId].publicKey,
    })),
  );
});

const header: InboundHeader = {
  messageId: '0193a7b2-0000-7000-8000-0000000000b1',
  correlationId: CASE,
  sender: CN,
  recipient: VN,
  payloadType: 'xborder.v1.RepatriationMinutesProposal',
  sentAt: new Date().toISOString(),
};
const payloadSignedBy = async (agency: string, what = minutes) => ({
  minutes: minutesBytesOf(minutes),
  signature: new Uint8Array(Buffer.from(await signMinutes(what, keys[agency].privateKey), 'base64')),
});

const applied: unknown[] = [];
const inner: ApplyInbound = async (_header, payload) => {
  applied.push(payload);
  return { accepted: true };
};
// Sent after it was signed, as a sealed envelope always is.
const check = (payload: Record<string, unknown>) =>
  minutesCheckedApplier(
    inner,
    trustStore,
    keys[VN].publicKey,
  )({ ...header, sentAt: new Date().toISOString() }, payload);

beforeEach(() => applied.splice(0));

describe('minutes signature check at the inbox', () => {
  it('given minutes signed by the sender, when they arrive, then they go on to the case', async () => {
    expect(await check(await payloadSignedBy(CN))).toEqual({ accepted: true });
    expect(applied).toHaveLength(1);
  });

  it.each([
    ['signed by another agency (wrong signer)', () => payloadSignedBy(LA), 'MINUTES_WRONG_SIGNER:signature'],
    [
      'signed by us, not the sender (wrong signer)',
      () => payloadSignedBy(VN),
      'MINUTES_WRONG_SIGNER:signature',
    ],
    [
      'signed over other minutes',
      () => payloadSignedBy(CN, { ...minutes, belongings: ['x'] }),
      'MINUTES_SIGNATURE_INVALID:signature',
    ],
    [
      'a signature that is no signature',
      async () => ({ minutes: minutesBytesOf(minutes), signature: new Uint8Array([1, 2, 3]) }),
      'MINUTES_SIGNATURE_INVALID:signature',
    ],
  ])('given minutes %s, then refused with the reason and nothing applied', async (_name, payload, reason) => {
    expect(await check(await payload())).toMatchObject({ accepted: false, reason });
    expect(applied).toHaveLength(0);
  });

  it.each(['xborder.v1.SuspectHandoverMinutesProposal', 'xborder.v1.SuspectHandoverMinutesCountersignature'])(
    'checks a suspect hand-over’s minutes the same way (%s)',
    async (payloadType) => {
      const checkAs = async (agency: string) =>
        minutesCheckedApplier(
          inner,
          trustStore,
          keys[VN].publicKey,
        )({ ...header, payloadType, sentAt: new Date().toISOString() }, await payloadSignedBy(agency));
      expect(await checkAs(LA)).toMatchObject({ accepted: false, reason: 'MINUTES_WRONG_SIGNER:signature' });
      expect(applied).toHaveLength(0);
      expect(await checkAs(CN)).toEqual({ accepted: true });
      expect(applied).toHaveLength(1);
    },
  );

  it('leaves other payloads, and minutes that are not canonical, to the applier (the mapping refuses those)', async () => {
    expect(
      await minutesCheckedApplier(
        inner,
        trustStore,
        keys[VN].publicKey,
      )({ ...header, payloadType: 'xborder.v1.RepatriationDecision' }, {}),
    ).toEqual({ accepted: true });
    expect(
      await check({ minutes: new Uint8Array(Buffer.from('{ }')), signature: new Uint8Array([1]) }),
    ).toEqual({
      accepted: true,
    });
  });
});
