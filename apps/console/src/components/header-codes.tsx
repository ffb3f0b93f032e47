import { useTranslation } from 'react-i18next';
import type { Evaluation, HandlingCode, HeaderCodes } from '@xb/console-contract';

// The contract's codes (libs/domain handling.ts), in the order officers read them: least restrictive first.
const DISSEMINATIONS = [
  'law_enforcement',
  'national_law_enforcement',
  'originator_consent',
  'receiving_agency',
];
const EVIDENTIAL_USES = ['permitted', 'after_formal_request', 'intelligence_only'];
const SOURCES = ['a', 'b', 'c', 'd', 'e', 'x'];
const INFORMATION = ['known_true', 'known_to_source', 'corroborated', 'cannot_be_judged', 'suspected_false'];

/** What the officer has chosen so far: every part as text, '' for "not graded". */
export interface CodesChoice {
  readonly dissemination: string;
  readonly evidentialUse: string;
  readonly conditions: string;
  readonly source: string;
  readonly information: string;
}

/** The form's starting choice: the message kind's defaults, pre-selected. */
export const choiceOf = (defaults: HeaderCodes): CodesChoice => ({
  dissemination: defaults.handling.dissemination,
  evidentialUse: defaults.handling.evidentialUse,
  conditions: defaults.handling.conditions ?? '',
  source: defaults.evaluation?.source ?? '',
  information: defaults.evaluation?.information ?? '',
});

/** The body's `handling` and `evaluation` for a choice (an ungraded evaluation is left out). */
export const bodyOf = (choice: CodesChoice): { handling: HandlingCode; evaluation?: Evaluation } => {
  const conditions = choice.conditions.trim();
  const evaluation = {
    ...(choice.source ? { source: choice.source } : {}),
    ...(choice.information ? { information: choice.information } : {}),
  };
  return {
    handling: {
      dissemination: choice.dissemination,
      evidentialUse: choice.evidentialUse,
      ...(conditions ? { conditions } : {}),
    },
    ...(Object.keys(evaluation).length > 0 ? { evaluation } : {}),
  };
};

/** The handling code and evaluation of the message a form sends, the kind's defaults pre-selected. */
export function HeaderCodeFields({
  id,
  choice,
  onChange,
}: {
  id: string;
  choice: CodesChoice;
  onChange: (choice: CodesChoice) => void;
}) {
  const { t } = useTranslation();
  const select = (part: keyof CodesChoice, values: readonly string[], optional: boolean) => (
    <div className="field">
      <label htmlFor={`${id}-${part}`}>{t(`handling.${part}`)}</label>
      <select
        id={`${id}-${part}`}
        data-field={`codes.${part}`}
        value={choice[part]}
        onChange={(e) => onChange({ ...choice, [part]: e.target.value })}
      >
        {optional && <option value="">{t('handling.notGraded')}</option>}
        {values.map((value) => (
          <option key={value} value={value}>
            {t(`handling.${part}Values.${value}`)}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <fieldset className="group header-codes">
      <legend>{t('handling.legend')}</legend>
      {select('dissemination', DISSEMINATIONS, false)}
      {select('evidentialUse', EVIDENTIAL_USES, false)}
      <div className="field">
        <label htmlFor={`${id}-conditions`}>{t('handling.conditions')}</label>
        <input
          id={`${id}-conditions`}
          data-field="codes.conditions"
          value={choice.conditions}
          onChange={(e) => onChange({ ...choice, conditions: e.target.value })}
        />
      </div>
      {select('source', SOURCES, true)}
      {select('information', INFORMATION, true)}
    </fieldset>
  );
}

/** A code as officers read it, e.g. "receiving agency only · intelligence only · B2". */
export function CodesLine({ handling, evaluation }: { handling?: HandlingCode; evaluation?: Evaluation }) {
  const { t } = useTranslation();
  if (!handling && !evaluation) return null;
  const parts = [
    ...(handling
      ? [
          t(`handling.disseminationValues.${handling.dissemination}`, {
            defaultValue: handling.dissemination,
          }),
          t(`handling.evidentialUseValues.${handling.evidentialUse}`, {
            defaultValue: handling.evidentialUse,
          }),
        ]
      : []),
    ...(evaluation?.source ? [t(`handling.sourceValues.${evaluation.source}`)] : []),
    ...(evaluation?.information ? [t(`handling.informationValues.${evaluation.information}`)] : []),
  ];
  return (
    <span className="codes" data-dissemination={handling?.dissemination} title={handling?.conditions}>
      [{parts.join(' · ')}
      {handling?.conditions ? ` · ${t('handling.withConditions')}` : ''}]
    </span>
  );
}
