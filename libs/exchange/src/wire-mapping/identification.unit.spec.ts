import { outboundMessageOf } from './outbound';
import { Agency, CN, contentOf, deliver, typesOf, VN, WOMAN } from '../testing/wire-conversation';

const caseId = '0193a7e2-0000-4000-8000-0000000000d1';

describe('identification over the wire', () => {
  it("crosses to the other side of the repatriation, which records it as the identifying side's", () => {
    const [vn, cn] = [new Agency(VN), new Agency(CN)];
    const request = {
      caseId,
      counterpart: VN,
      victim: WOMAN,
      children: [],
      circumstances: 'Rescued in Hekou',
      deadline: '2026-12-20T00:00:00Z',
    };
    deliver(cn, vn, cn.act('repatriation', caseId, 'RequestRepatriation', request));
    const identified = vn.act('repatriation', caseId, 'IdentifyRepatriationVictim', {
      decision: 'identified',
      criteria: ['act', 'means', 'purpose'],
      grounds: 'Recruited with a false job offer and sold into a forced marriage.',
      authority: 'Lai Chau border guard anti-trafficking unit',
      identifiedOn: '2026-11-22',
    });
    expect(outboundMessageOf(identified[0])).toMatchObject({
      payloadType: 'xborder.v1.VictimIdentificationNotice',
      correlationId: caseId,
      payload: {
        decision: 1,
        criteria: [1, 2, 3],
        identifyingAuthority: 'Lai Chau border guard anti-trafficking unit',
        identifiedOn: { year: 2026, month: 11, day: 22 },
      },
    });
    const recorded = deliver(vn, cn, identified);
    expect(typesOf(recorded)).toEqual(['RepatriationVictimIdentified']);
    // The decision arrives as it left: the deciding agency is the sender.
    expect(contentOf(recorded[0])).toEqual(contentOf(identified[0]));
    for (const agency of [vn, cn])
      expect(agency.state('repatriation', caseId)).toMatchObject({
        identification: { decision: 'identified', decidedBy: VN, identifiedOn: '2026-11-22' },
      });
  });
});
