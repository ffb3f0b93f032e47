/**
 * Identification of a victim ↔ `identification.proto`: the identifying side's decision travels as a
 * VictimIdentificationNotice on the repatriation case, and the other side records it as theirs
 * (authority and date as they gave them). The grounds are particulars: they travel sealed like every
 * payload and are kept sealed at rest on both sides (libs/domain particulars.ts).
 */
import { IDENTIFICATION_CRITERIA } from '@xb/domain';
import { v1 } from '@xb/envelope';
import { calendarDateOf, compact, enumMap, isoDateOf, text, wordListOf, wordsOf } from './convert';
import { WireTable } from './types';

const DECISION = enumMap<'identified' | 'not_identified'>({
  identified: v1.IdentificationDecision.IDENTIFICATION_DECISION_IDENTIFIED,
  not_identified: v1.IdentificationDecision.IDENTIFICATION_DECISION_NOT_IDENTIFIED,
});
const CRITERION = wordsOf(IDENTIFICATION_CRITERIA, v1.IdentificationCriterion, 'IDENTIFICATION_CRITERION_');

export const IDENTIFICATION_WIRE: Pick<WireTable, 'VictimIdentification'> = {
  VictimIdentification: {
    toWire: ({ data }, context) => ({
      payloadType: 'xborder.v1.VictimIdentificationNotice',
      payload: compact({
        decision: DECISION.toWire(data.decision),
        criteria: data.criteria.map(CRITERION.toWire),
        grounds: data.grounds,
        identifyingAuthority: data.authority,
        // Every identification that travels records its day; the day it was recorded otherwise.
        identifiedOn: calendarDateOf(data.identifiedOn ?? context.recordedAt.slice(0, 10)),
      }),
    }),
    fromWire: {
      'xborder.v1.VictimIdentificationNotice': (message) => {
        const decision = DECISION.fromWire(message.decision);
        const identifiedOn = isoDateOf(message.identifiedOn);
        if (!decision || !identifiedOn) return { invalid: !decision ? 'decision' : 'identified_on' };
        // No criteria is a list of none (a decision not to identify may find no element).
        const criteria = wordListOf(CRITERION, message.criteria);
        return {
          ...compact({
            decision,
            grounds: message.grounds,
            authority: text(message.identifyingAuthority),
            identifiedOn,
          }),
          criteria,
        };
      },
    },
  },
};
