import { FormEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandView } from '@xb/console-contract';
import { api, ApiError } from '../api';
import { useConsole } from '../context';
import { fromZonedInput, toZonedInput } from '../time';
import { FieldSpec, getPath, GroupSpec, isGroup, leaves, setPath, specOf, textOf, valueOf } from './fields';
import { labelOf } from './labels';
import { bodyOf, choiceOf, CodesChoice, HeaderCodeFields } from './header-codes';

interface Outcome {
  readonly caseId: string;
  readonly status?: string;
}

/**
 * One command of the route table as a form: fields from its example, sent to its route, the API's
 * refusal shown beside the field it names (or above the form when it names none).
 */
export function CommandForm({
  command,
  caseId,
  onDone,
}: {
  command: CommandView;
  caseId?: string;
  onDone: (outcome: Outcome) => void;
}) {
  const { t } = useTranslation();
  const { settings } = useConsole();
  const specs = useMemo(() => specOf(command.example), [command.example]);
  const fields = useMemo(() => leaves(specs), [specs]);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);
  // The codes of the message the command sends: the kind's defaults until the officer chooses others.
  const [codes, setCodes] = useState<CodesChoice | undefined>(
    command.headerCodes && choiceOf(command.headerCodes),
  );
  const formId = useId();
  const toZoned = (iso: string) => toZonedInput(iso, settings.timeZone);

  const fillFromExample = () =>
    setTexts(
      Object.fromEntries(fields.map((f) => [f.path, textOf(f, getPath(command.example, f.path), toZoned)])),
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body: Record<string, unknown> = {};
    const problems: Record<string, string> = {};
    for (const field of fields) {
      const parsed = valueOf(field, texts[field.path] ?? '', (local) =>
        fromZonedInput(local, settings.timeZone),
      );
      if (!parsed) continue;
      if (parsed.ok) setPath(body, field.path, parsed.value);
      else problems[field.path] = t(`form.invalid.${parsed.problem}`);
    }
    setErrors(problems);
    setFormError(undefined);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    try {
      const path = command.action
        ? `/api/${command.resource}/${caseId}/${command.action}`
        : `/api/${command.resource}`;
      onDone(
        await api<Outcome>(path, { method: 'POST', body: codes ? { ...body, ...bodyOf(codes) } : body }),
      );
      setTexts({});
    } catch (error) {
      const e = error instanceof ApiError ? error : new ApiError(0, 'NETWORK', String(error));
      // A refusal naming a field (or a part of one: `identityDocuments[0].number`) shows beside it.
      const named = fields.filter((f) =>
        e.fields.some((n) => n === f.path || n.startsWith(`${f.path}[`) || n.startsWith(`${f.path}.`)),
      );
      const message = `${t(`error.${e.code}`, { defaultValue: e.code })}: ${e.reason}`;
      if (named.length > 0) setErrors(Object.fromEntries(named.map((f) => [f.path, message])));
      setFormError(named.length > 0 && named.length === e.fields.length ? undefined : message);
    } finally {
      setBusy(false);
    }
  };

  const renderSpec = (spec: FieldSpec | GroupSpec) =>
    isGroup(spec) ? (
      <fieldset key={spec.path} className="group">
        <legend>{labelOf(t, spec.name)}</legend>
        {spec.children.map(renderSpec)}
      </fieldset>
    ) : (
      <Field
        key={spec.path}
        spec={spec}
        id={`${formId}-${spec.path}`}
        text={texts[spec.path] ?? ''}
        error={errors[spec.path]}
        onChange={(text) => setTexts((all) => ({ ...all, [spec.path]: text }))}
      />
    );

  return (
    <form
      className="command-form"
      onSubmit={submit}
      noValidate
      aria-label={t(`command.${command.command}`, { defaultValue: command.summary })}
    >
      {formError && (
        <p className="error" role="alert">
          {formError}
        </p>
      )}
      {specs.map(renderSpec)}
      {codes && <HeaderCodeFields id={`${formId}-codes`} choice={codes} onChange={setCodes} />}
      <div className="buttons">
        {fields.length > 0 && (
          <button type="button" className="secondary" onClick={fillFromExample}>
            {t('form.fillExample')}
          </button>
        )}
        <button type="submit" disabled={busy}>
          {t(`command.${command.command}`, { defaultValue: command.summary })}
        </button>
      </div>
    </form>
  );
}

function Field({
  spec,
  id,
  text,
  error,
  onChange,
}: {
  spec: FieldSpec;
  id: string;
  text: string;
  error?: string;
  onChange: (text: string) => void;
}) {
  const { t } = useTranslation();
  const label = labelOf(t, spec.name);
  const described = error ? `${id}-error` : undefined;
  const common = {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': described,
    'data-field': spec.path,
  } as const;
  let input;
  if (spec.kind === 'boolean')
    input = (
      <input
        type="checkbox"
        {...common}
        checked={text === 'true'}
        onChange={(e) => onChange(String(e.target.checked))}
      />
    );
  else if (spec.kind === 'long-text' || spec.kind === 'lines' || spec.kind === 'json')
    input = (
      <textarea
        {...common}
        rows={spec.kind === 'json' ? 5 : 3}
        value={text}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  else {
    const type =
      { number: 'number', date: 'date', 'date-time': 'datetime-local', time: 'time' }[spec.kind as string] ??
      'text';
    input = (
      <input
        type={type}
        {...common}
        step={type === 'datetime-local' ? 1 : undefined}
        value={text}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {spec.kind === 'lines' && <span className="hint"> {t('form.onePerLine')}</span>}
      </label>
      {input}
      {error && (
        <p className="field-error" id={described}>
          {error}
        </p>
      )}
    </div>
  );
}
