import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandView, HandlingCode, TimelineEntry } from '@xb/console-contract';
import { api, ApiError, query } from '../api';
import { CodesLine } from '../components/header-codes';
import { CommandForm } from '../components/command-form';
import { codeLabel } from '../components/labels';
import { StateView } from '../components/state-view';
import { Timeline } from '../components/timeline';
import { useConsole } from '../context';
import { useFetch } from '../use-fetch';

interface CaseState {
  readonly caseId: string;
  readonly category: string;
  readonly state: { status: string } & Record<string, unknown>;
  /** The highest restriction counterparts put on what the case holds. */
  readonly handling?: { readonly received?: HandlingCode };
}

/** One case: its state (particulars hidden until asked for with a reason), timeline and next steps. */
export function CasePage({ resource, caseId }: { resource: string; caseId: string }) {
  const { t } = useTranslation();
  const { live } = useConsole();
  // This case's newest event, or a reconnection (anything may have happened meanwhile).
  const mine = `${live.connections}:${live.cases[caseId] ?? ''}`;
  const base = `/api/${resource}/${caseId}`;
  const state = useFetch<CaseState>(base, mine);
  const timeline = useFetch<{ timeline: TimelineEntry[] }>(`${base}/timeline`, mine);
  const actions = useFetch<{ actions: CommandView[] }>(
    `/api/console/cases/${resource}/${caseId}/actions`,
    mine,
  );
  const [shown, setShown] = useState<CaseState>();
  const [open, setOpen] = useState<string>();
  const [done, setDone] = useState<string>();
  const reload = () => {
    void state.reload();
    void timeline.reload();
    void actions.reload();
    setShown(undefined);
  };
  if (state.error)
    return (
      <p className="error" role="alert">
        {state.error.reason}
      </p>
    );
  const available = (actions.data?.actions ?? []).filter((a) => a.allowedNow && a.permitted);

  return (
    <article aria-labelledby="case-heading">
      <h1 id="case-heading">
        {t(`process.${state.data?.category ?? resource}`, { defaultValue: resource })}{' '}
        <span className="case-id">{caseId}</span>
      </h1>
      <p className="status">
        {t('case.status')}:{' '}
        <strong data-testid="case-status">{codeLabel(t, 'status', state.data?.state.status)}</strong>
      </p>
      {state.data?.handling?.received && (
        <p className="handling" data-testid="case-handling">
          {t('handling.received')}: <CodesLine handling={state.data.handling.received} />
          {state.data.handling.received.conditions && (
            <>
              {' '}
              <span className="conditions">{state.data.handling.received.conditions}</span>
            </>
          )}
        </p>
      )}
      {done && (
        <p className="notice" role="status">
          {done}
        </p>
      )}
      <section aria-labelledby="actions-heading">
        <h2 id="actions-heading">{t('case.nextActions')}</h2>
        {available.length === 0 && <p>{t('case.noActions')}</p>}
        {available.map((command) => (
          <div key={command.command} className="action">
            <button
              type="button"
              aria-expanded={open === command.command}
              onClick={() => setOpen(open === command.command ? undefined : command.command)}
            >
              {t(`command.${command.command}`, { defaultValue: command.summary })}
            </button>
            {open === command.command && (
              <CommandForm
                command={command}
                caseId={caseId}
                onDone={(outcome) => {
                  setOpen(undefined);
                  setDone(t('case.done', { status: codeLabel(t, 'status', outcome.status) }));
                  reload();
                }}
              />
            )}
          </div>
        ))}
      </section>
      <section aria-labelledby="state-heading">
        <h2 id="state-heading">{t('case.details')}</h2>
        <Particulars base={base} shown={shown} onShown={setShown} />
        {(shown ?? state.data) && <StateView value={(shown ?? state.data)!.state} />}
      </section>
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('case.timeline')}</h2>
        <Timeline entries={timeline.data?.timeline ?? []} />
      </section>
    </article>
  );
}

/** Un-hiding particulars takes a stated reason, which the node records in the audit trail. */
function Particulars({
  base,
  shown,
  onShown,
}: {
  base: string;
  shown?: CaseState;
  onShown: (state?: CaseState) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  if (shown)
    return (
      <button type="button" className="secondary" onClick={() => onShown(undefined)}>
        {t('case.hideParticulars')}
      </button>
    );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < 5) return setError(t('case.reasonNeeded'));
    try {
      onShown(await api<CaseState>(`${base}${query({ particulars: 'true', reason: reason.trim() })}`));
      setError(undefined);
    } catch (e) {
      setError(e instanceof ApiError ? e.reason : String(e));
    }
  };
  return (
    <form className="particulars" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor="particulars-reason">{t('case.reason')}</label>
        <input
          id="particulars-reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'particulars-error' : 'particulars-hint'}
          maxLength={200}
        />
        <p className="hint" id="particulars-hint">
          {t('case.reasonHint')}
        </p>
        {error && (
          <p className="field-error" id="particulars-error">
            {error}
          </p>
        )}
      </div>
      <button type="submit">{t('case.showParticulars')}</button>
    </form>
  );
}
