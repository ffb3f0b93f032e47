/**
 * Information notice ↔ `notice.proto`. The domain's one notice with a category becomes one of three
 * contract messages: case information, criminal method, hotline tip-off.
 */
import { InformationNoticeSent, OutboundKind, PersonParticulars } from '@xb/domain';
import { v1 } from '@xb/envelope';
import { after, isUuid, text, timestampOf } from './convert';
import { countryOf, personFromWire, personIdOf, personToWire } from './person';
import { InboundContext, InboundMapping, OutboundMapper } from './types';

const personsToWire = (persons: readonly PersonParticulars[] | undefined, caseId: string, country: string) =>
  (persons ?? []).map((person, index) =>
    personToWire(person, personIdOf(caseId, `person:${index}`), country),
  );

const withPersons = (persons: readonly v1.Person.$Properties[]) =>
  persons.length > 0 ? { persons: persons.map(personFromWire) } : {};

export const NOTICE_OUTBOUND: Partial<Record<OutboundKind, OutboundMapper>> = {
  InformationNotice: (event, context) => {
    const data = (event as InformationNoticeSent).data;
    const persons = personsToWire(data.persons, context.caseId, countryOf(data.recipient));
    switch (data.category) {
      case 'case_information':
        return {
          payloadType: 'xborder.v1.CaseInformation',
          payload: {
            subject: data.title,
            body: data.content,
            persons,
            // The contract links cases by correlation id (a UUID); other references stay here.
            relatedCaseIds: isUuid(data.relatedCaseId) ? [data.relatedCaseId] : [],
          },
        };
      case 'criminal_method':
        return {
          payloadType: 'xborder.v1.CriminalMethod',
          payload: { title: data.title, description: data.content },
        };
      case 'hotline_tip':
        // A tip passed on: the contract wants when the call came in (the domain keeps that only for
        // tips taken here) and an urgency (set later by the recipient's classification).
        return {
          payloadType: 'xborder.v1.HotlineTipOff',
          payload: {
            receivedAt: timestampOf(context.recordedAt),
            content: data.content,
            urgency: v1.Urgency.URGENCY_ROUTINE,
            persons,
          },
          // A hotline caller is an untested source whose information cannot be judged yet.
          headerExtras: {
            evaluation: {
              source: v1.SourceReliability.SOURCE_RELIABILITY_E,
              information: v1.InformationAssessment.INFORMATION_ASSESSMENT_CANNOT_BE_JUDGED,
            },
          },
        };
    }
  },
};

const notice = (context: InboundContext, data: Record<string, unknown>): InboundMapping => ({
  kind: 'InformationNotice',
  data: {
    caseId: context.caseId,
    ...data,
    // The sender sets no processing deadline: this node's policy does.
    processingDeadline: after(context.now, context.policy.noticeProcessingWithinMs),
  },
});

const caseInformation = (message: v1.CaseInformation, context: InboundContext): InboundMapping =>
  notice(context, {
    category: 'case_information',
    title: message.subject,
    content: message.body,
    ...(message.relatedCaseIds.length > 0 ? { relatedCaseId: message.relatedCaseIds[0] } : {}),
    ...withPersons(message.persons),
  });

const criminalMethod = (message: v1.CriminalMethod, context: InboundContext): InboundMapping => {
  const lines = [
    message.description,
    message.indicators.length > 0 ? `Indicators: ${message.indicators.join('; ')}` : '',
    message.routes.length > 0 ? `Routes: ${message.routes.join('; ')}` : '',
  ];
  return notice(context, {
    category: 'criminal_method',
    title: message.title,
    content: lines.filter((line) => text(line)).join('\n'),
  });
};

const hotlineTipOff = (message: v1.HotlineTipOff, context: InboundContext): InboundMapping =>
  notice(context, {
    category: 'hotline_tip',
    title: 'Hotline tip-off',
    content: message.content,
    ...withPersons(message.persons),
  });

export const NOTICE_INBOUND = {
  'xborder.v1.CaseInformation': caseInformation,
  'xborder.v1.CriminalMethod': criminalMethod,
  'xborder.v1.HotlineTipOff': hotlineTipOff,
} as const;
