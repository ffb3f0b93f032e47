import {
  DISSEMINATIONS,
  DomainError,
  EVIDENTIAL_USES,
  Evaluation,
  HandlingCode,
  INFORMATION_ASSESSMENTS,
  isNonEmptyText,
  SOURCE_RELIABILITIES,
  TEXT_LIMITS,
  validationFailed,
} from '@xb/domain';

/** What an officer chose for the message a command queues: its handling code and evaluation. */
export interface HeaderChoice {
  readonly handling?: HandlingCode;
  readonly evaluation?: Evaluation;
}

/** A part of the choice read from the body, or the paths of its fields that break their rule. */
type Parsed<T> = { readonly value?: T } | { readonly problems: readonly string[] };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const oneOf =
  <T extends string>(values: readonly T[]) =>
  (value: unknown): value is T =>
    typeof value === 'string' && (values as readonly string[]).includes(value);

const handlingOf = (value: unknown): Parsed<HandlingCode> => {
  if (value === undefined) return {};
  if (!isObject(value)) return { problems: ['handling'] };
  const { dissemination, evidentialUse, conditions } = value;
  const conditionsOk = conditions === undefined || isNonEmptyText(conditions, TEXT_LIMITS.text);
  if (oneOf(DISSEMINATIONS)(dissemination) && oneOf(EVIDENTIAL_USES)(evidentialUse) && conditionsOk)
    return { value: { dissemination, evidentialUse, ...(conditions === undefined ? {} : { conditions }) } };
  return {
    problems: [
      ...(oneOf(DISSEMINATIONS)(dissemination) ? [] : ['handling.dissemination']),
      ...(oneOf(EVIDENTIAL_USES)(evidentialUse) ? [] : ['handling.evidentialUse']),
      ...(conditionsOk ? [] : ['handling.conditions']),
    ],
  };
};

const evaluationOf = (value: unknown): Parsed<Evaluation> => {
  if (value === undefined) return {};
  if (!isObject(value)) return { problems: ['evaluation'] };
  const { source, information } = value;
  const sourceOk = source === undefined || oneOf(SOURCE_RELIABILITIES)(source);
  const informationOk = information === undefined || oneOf(INFORMATION_ASSESSMENTS)(information);
  if (sourceOk && informationOk)
    return {
      value: {
        ...(oneOf(SOURCE_RELIABILITIES)(source) ? { source } : {}),
        ...(oneOf(INFORMATION_ASSESSMENTS)(information) ? { information } : {}),
      },
    };
  return {
    problems: [
      ...(sourceOk ? [] : ['evaluation.source']),
      ...(informationOk ? [] : ['evaluation.information']),
    ],
  };
};

/**
 * Splits a command body into the command's data and the officer's choice of codes for its message
 * (`handling`, `evaluation`: they go in the command's metadata and the envelope's header, not the
 * payload). Unset parts take the message kind's defaults (libs/domain dissemination.ts). A bad choice
 * is VALIDATION_FAILED naming the field, e.g. `handling.dissemination`.
 */
export const headerChoiceOf = (
  body: Record<string, unknown>,
): { readonly data: Record<string, unknown>; readonly choice: HeaderChoice } | DomainError => {
  const { handling, evaluation, ...data } = body;
  const parsed = { handling: handlingOf(handling), evaluation: evaluationOf(evaluation) };
  const problems = Object.values(parsed).flatMap((part) => ('problems' in part ? part.problems : []));
  if (problems.length > 0) return { ...validationFailed(problems), field: problems[0] };
  const chosen = (part: Parsed<unknown>) => 'value' in part && part.value !== undefined;
  return {
    data,
    choice: {
      ...('value' in parsed.handling && chosen(parsed.handling) ? { handling: parsed.handling.value } : {}),
      ...('value' in parsed.evaluation && chosen(parsed.evaluation)
        ? { evaluation: parsed.evaluation.value }
        : {}),
    },
  };
};
