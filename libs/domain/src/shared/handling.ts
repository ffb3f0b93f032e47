/**
 * Handling codes and the evaluation of a message's content, as the contract's header carries them. A file
 * of their own because both the outbound marker and the annexes name them.
 */
export const DISSEMINATIONS = [
  'law_enforcement',
  'national_law_enforcement',
  'receiving_agency',
  'originator_consent',
] as const;
export const EVIDENTIAL_USES = ['intelligence_only', 'after_formal_request', 'permitted'] as const;
export const SOURCE_RELIABILITIES = ['a', 'b', 'c', 'd', 'e', 'x'] as const;
export const INFORMATION_ASSESSMENTS = [
  'known_true',
  'known_to_source',
  'corroborated',
  'cannot_be_judged',
  'suspected_false',
] as const;

/** The handling code of a message: who it may be passed on to, and its use as evidence. */
export interface HandlingCode {
  readonly dissemination: (typeof DISSEMINATIONS)[number];
  readonly evidentialUse: (typeof EVIDENTIAL_USES)[number];
  /** Conditions in plain words (never particulars). */
  readonly conditions?: string;
}

/** Source and information grading of a message's content (e.g. B2). */
export interface Evaluation {
  readonly source?: (typeof SOURCE_RELIABILITIES)[number];
  readonly information?: (typeof INFORMATION_ASSESSMENTS)[number];
}
