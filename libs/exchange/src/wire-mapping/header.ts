/**
 * The envelope header's handling code and evaluation between the wire (`Handling`, `Evaluation` in
 * envelope.proto) and the domain's words, which inbound markers keep and outbound markers may set.
 */
import {
  DISSEMINATIONS,
  EVIDENTIAL_USES,
  Evaluation,
  HandlingCode,
  INFORMATION_ASSESSMENTS,
  SOURCE_RELIABILITIES,
} from '@xb/domain';
import { v1 } from '@xb/envelope';
import { OutboundHeaderExtras } from '../ports';
import { compact, text, wordsOf } from './convert';

const DISSEMINATION = wordsOf(DISSEMINATIONS, v1.Dissemination, 'DISSEMINATION_');
const EVIDENTIAL_USE = wordsOf(EVIDENTIAL_USES, v1.EvidentialUse, 'EVIDENTIAL_USE_');
const SOURCE = wordsOf(SOURCE_RELIABILITIES, v1.SourceReliability, 'SOURCE_RELIABILITY_');
const INFORMATION = wordsOf(INFORMATION_ASSESSMENTS, v1.InformationAssessment, 'INFORMATION_ASSESSMENT_');

/** The header's codes in the wire's form. */
export interface WireHeaderCodes {
  readonly handling?: v1.IHandling | null;
  readonly evaluation?: v1.IEvaluation | null;
}

/** The domain's handling code and evaluation of a header (absent parts stay absent). */
export const headerCodesFromWire = (
  codes: WireHeaderCodes,
): { handling?: HandlingCode; evaluation?: Evaluation } => {
  const dissemination = DISSEMINATION.fromWire(codes.handling?.dissemination);
  const evidentialUse = EVIDENTIAL_USE.fromWire(codes.handling?.evidentialUse);
  const conditions = text(codes.handling?.conditions);
  const evaluation = codes.evaluation
    ? compact({
        source: SOURCE.fromWire(codes.evaluation.source),
        information: INFORMATION.fromWire(codes.evaluation.information),
      })
    : undefined;
  return compact({
    handling:
      dissemination && evidentialUse ? compact({ dissemination, evidentialUse, conditions }) : undefined,
    evaluation,
  });
};

/** The header fields for a marker's handling code and evaluation (none when it has neither). */
export const headerExtrasOf = (marker: {
  readonly handling?: HandlingCode;
  readonly evaluation?: Evaluation;
}): OutboundHeaderExtras | undefined => {
  const { handling, evaluation } = marker;
  if (!handling && !evaluation) return undefined;
  return compact({
    handling: handling
      ? compact({
          dissemination: DISSEMINATION.toWire(handling.dissemination),
          evidentialUse: EVIDENTIAL_USE.toWire(handling.evidentialUse),
          conditions: handling.conditions,
        })
      : undefined,
    evaluation: evaluation
      ? compact({
          source: evaluation.source && SOURCE.toWire(evaluation.source),
          information: evaluation.information && INFORMATION.toWire(evaluation.information),
        })
      : undefined,
  });
};

/** `{ dissemination }` in the domain's words when the header carries one, for records and logs. */
export const disseminationOf = (codes: WireHeaderCodes): { dissemination?: string } => {
  const dissemination = headerCodesFromWire(codes).handling?.dissemination;
  return dissemination ? { dissemination } : {};
};
