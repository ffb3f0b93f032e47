/**
 * Information notice ↔ `notice.proto`. The domain's one notice with a category becomes one of three
 * contract messages: case information, criminal method, hotline tip-off.
 */
import { CALLER_KINDS, PersonParticulars, URGENCIES } from '@xb/domain';
import { v1 } from '@xb/envelope';
import {
  after,
  calendarDateOf,
  compact,
  digestBytesOf,
  digestOf,
  isoDateOf,
  isoOf,
  isUuid,
  listOf,
  text,
  timestampOf,
  unlessDefault,
  wordsOf,
} from './convert';
import { countryOf, personFromWire, personIdOf, personToWire } from './person';
import { InboundContext, WireTable } from './types';
import { TRAFFICKING_FORM } from './verification';

const CALLER_KIND = wordsOf(CALLER_KINDS, v1.CallerKind, 'CALLER_KIND_');
const URGENCY = wordsOf(URGENCIES, v1.Urgency, 'URGENCY_');

const personsToWire = (persons: readonly PersonParticulars[] | undefined, caseId: string, country: string) =>
  (persons ?? []).map((person, index) =>
    personToWire(person, personIdOf(caseId, `person:${index}`), country),
  );

const personsFromWire = (persons: readonly v1.IPerson[], context: InboundContext) =>
  listOf(
    persons.map((person, index) =>
      personFromWire(person, {
        personId: personIdOf(context.caseId, `person:${index}`),
        addressCountry: countryOf(context.header.recipient),
      }),
    ),
  );

/** The receiving node's part of every notice: the case, and its own processing deadline. */
const received = (context: InboundContext) => ({
  caseId: context.caseId,
  // The sender sets no processing deadline: this node's policy does.
  processingDeadline: after(context.now, context.policy.noticeProcessingWithinMs),
});

export const NOTICE_WIRE: Pick<WireTable, 'InformationNotice'> = {
  InformationNotice: {
    toWire: ({ data }, context) => {
      const annex = data.annex ?? {};
      const persons = personsToWire(data.persons, context.caseId, countryOf(data.recipient));
      const traffickingForm = annex.traffickingForm && TRAFFICKING_FORM.toWire(annex.traffickingForm);
      switch (data.category) {
        case 'case_information':
          return {
            payloadType: 'xborder.v1.CaseInformation',
            payload: compact({
              subject: data.title,
              body: data.content,
              persons,
              // The contract links cases by correlation id (a UUID); other references stay here.
              relatedCaseIds: [
                ...(annex.relatedCaseIds ?? (isUuid(data.relatedCaseId) ? [data.relatedCaseId] : [])),
              ],
              traffickingForm,
              documentSha256s: annex.documentDigests?.map(digestBytesOf),
            }),
          };
        case 'criminal_method':
          return {
            payloadType: 'xborder.v1.CriminalMethod',
            payload: compact({
              title: data.title,
              description: data.content,
              traffickingForm,
              indicators: annex.indicators && [...annex.indicators],
              routes: annex.routes && [...annex.routes],
              observedSince: annex.observedSince ? calendarDateOf(annex.observedSince) : undefined,
            }),
          };
        case 'hotline_tip':
          // A tip passed on without the call's time or an urgency (a tip recorded before they were
          // kept) goes as recorded now and routine.
          return {
            payloadType: 'xborder.v1.HotlineTipOff',
            payload: compact({
              receivedAt: timestampOf(annex.receivedAt ?? context.recordedAt),
              callerKind: annex.callerKind && CALLER_KIND.toWire(annex.callerKind),
              content: data.content,
              location: annex.location,
              urgency: URGENCY.toWire(annex.urgency ?? 'routine'),
              persons,
              callReference: annex.callReference,
            }),
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
    fromWire: {
      'xborder.v1.CaseInformation': (message, context) => ({
        ...received(context),
        category: 'case_information',
        title: message.subject,
        content: message.body,
        ...compact({
          relatedCaseId: message.relatedCaseIds[0],
          persons: personsFromWire(message.persons, context),
          annex: compact({
            relatedCaseIds: unlessDefault(listOf(message.relatedCaseIds), message.relatedCaseIds.slice(0, 1)),
            traffickingForm: TRAFFICKING_FORM.fromWire(message.traffickingForm),
            documentDigests: listOf(message.documentSha256s.flatMap((digest) => digestOf(digest) ?? [])),
          }),
        }),
      }),
      'xborder.v1.CriminalMethod': (message, context) => ({
        ...received(context),
        category: 'criminal_method',
        title: message.title,
        content: message.description,
        annex: compact({
          traffickingForm: TRAFFICKING_FORM.fromWire(message.traffickingForm),
          indicators: listOf(message.indicators),
          routes: listOf(message.routes),
          observedSince: isoDateOf(message.observedSince),
        }),
      }),
      'xborder.v1.HotlineTipOff': (message, context) => ({
        ...received(context),
        category: 'hotline_tip',
        title: 'Hotline tip-off',
        content: message.content,
        ...compact({ persons: personsFromWire(message.persons, context) }),
        annex: compact({
          receivedAt: isoOf(message.receivedAt),
          callerKind: CALLER_KIND.fromWire(message.callerKind),
          location: text(message.location),
          urgency: unlessDefault(URGENCY.fromWire(message.urgency), 'routine'),
          callReference: text(message.callReference),
        }),
      }),
    },
  },
};
