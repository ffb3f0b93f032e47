import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorLine } from '../components/error-line';
import type { ExchangeLog, TimelineEntry } from '@xb/console-contract';
import { api, ApiError, query } from '../api';
import { codeLabel } from '../components/labels';
import { MessageTable } from '../components/message-table';
import { Pager } from '../components/pager';
import { StateView } from '../components/state-view';
import { Timeline } from '../components/timeline';
import { useConsole } from '../context';
import { fromZonedInput, toZonedInput } from '../time';
import { useFetch } from '../use-fetch';

interface VerifyAnswer {
  readonly ok: boolean;
  readonly eventsChecked: number;
  readonly sealsChecked: number;
  readonly unsealedEvents: number;
  readonly chainHead: string;
  readonly failures: readonly { code: string; position: string; message: string }[];
  readonly anchors: { ok: boolean } & Record<string, unknown>;
}

interface Replay {
  readonly at: string;
  readonly state: { status: string } & Record<string, unknown>;
  readonly eventsFolded: number;
  readonly eventsAfter: number;
  readonly timeline: readonly TimelineEntry[];
}

const RESOURCES = ['verifications', 'repatriations', 'suspect-handovers', 'joint-operations', 'notices'];

/** The auditor's page: verify the trail (chain, seals, cross-anchors) and replay a case as of a time. */
export function Audit() {
  const { t, i18n } = useTranslation();
  const { settings } = useConsole();
  const [verify, setVerify] = useState<VerifyAnswer>();
  const [verifying, setVerifying] = useState(false);
  const [verifyError, setVerifyError] = useState<ApiError>();
  const [resource, setResource] = useState(RESOURCES[0]);
  const [caseId, setCaseId] = useState('');
  const [at, setAt] = useState(() => toZonedInput(new Date().toISOString(), settings.timeZone));
  const [replay, setReplay] = useState<Replay>();
  const [error, setError] = useState<ApiError>();

  const runVerify = async () => {
    setVerifying(true);
    setVerifyError(undefined);
    try {
      setVerify(await api<VerifyAnswer>('/api/audit/verify'));
    } catch (e) {
      setVerifyError(e instanceof ApiError ? e : new ApiError(0, 'NETWORK', String(e)));
    } finally {
      setVerifying(false);
    }
  };
  const runReplay = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      setReplay(
        await api<Replay>(
          `/api/console/cases/${resource}/${caseId.trim()}/as-of${query({ at: fromZonedInput(at, settings.timeZone) })}`,
        ),
      );
    } catch (e) {
      setReplay(undefined);
      setError(e instanceof ApiError ? e : new ApiError(0, 'NETWORK', String(e)));
    }
  };
  const number = (n: number) => new Intl.NumberFormat(i18n.language).format(n);

  return (
    <section aria-labelledby="audit-heading">
      <h1 id="audit-heading">{t('nav.audit')}</h1>
      <section aria-labelledby="verify-heading" className="panel">
        <h2 id="verify-heading">{t('audit.verifyHeading')}</h2>
        <button type="button" onClick={runVerify} disabled={verifying}>
          {t('audit.verify')}
        </button>
        {verifyError && (
          <p className="error" role="alert">
            {t(`error.${verifyError.code}`, { defaultValue: verifyError.code })}: {verifyError.reason}
          </p>
        )}
        {verify && (
          <div role="status" className={verify.ok ? 'ok' : 'error'} data-testid="verify-result">
            <p>
              <strong>{t(verify.ok ? 'audit.intact' : 'audit.broken')}</strong>
            </p>
            <ul>
              <li>{t('audit.events', { count: verify.eventsChecked, n: number(verify.eventsChecked) })}</li>
              <li>{t('audit.seals', { count: verify.sealsChecked, n: number(verify.sealsChecked) })}</li>
              <li>
                {t('audit.unsealed', { count: verify.unsealedEvents, n: number(verify.unsealedEvents) })}
              </li>
              <li>{t(verify.anchors.ok ? 'audit.anchorsOk' : 'audit.anchorsBroken')}</li>
            </ul>
            {verify.failures.length > 0 && (
              <ol>
                {verify.failures.map((f) => (
                  <li key={`${f.code}-${f.position}`}>
                    {f.code} @ {f.position}: {f.message}
                  </li>
                ))}
              </ol>
            )}
            <p className="hash">
              {t('audit.chainHead')}: <code>{verify.chainHead}</code>
            </p>
          </div>
        )}
      </section>
      <ExchangeLog />
      <section aria-labelledby="replay-heading" className="panel">
        <h2 id="replay-heading">{t('audit.replayHeading')}</h2>
        <form onSubmit={runReplay} className="filters">
          <div className="field">
            <label htmlFor="replay-resource">{t('audit.process')}</label>
            <select id="replay-resource" value={resource} onChange={(e) => setResource(e.target.value)}>
              {RESOURCES.map((r) => (
                <option key={r} value={r}>
                  {t(`nav.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="replay-case">{t('audit.caseId')}</label>
            <input
              id="replay-case"
              value={caseId}
              onChange={(e) => setCaseId(e.target.value)}
              aria-invalid={error?.fields.includes('caseId') ? true : undefined}
            />
          </div>
          <div className="field">
            <label htmlFor="replay-at">{t('audit.asOf', { zone: settings.timeZone })}</label>
            <input
              id="replay-at"
              type="datetime-local"
              step={1}
              value={at}
              onChange={(e) => setAt(e.target.value)}
            />
          </div>
          <button type="submit">{t('audit.replay')}</button>
        </form>
        <ErrorLine error={error} />
        {replay && (
          <div data-testid="replay-result">
            <p>
              {t('case.status')}:{' '}
              <strong data-testid="replay-status">{codeLabel(t, 'status', replay.state.status)}</strong> —{' '}
              {t('audit.folded', { count: replay.eventsFolded })},{' '}
              {t('audit.after', { count: replay.eventsAfter })}
            </p>
            <StateView value={replay.state} />
            <Timeline entries={replay.timeline} />
          </div>
        )}
      </section>
    </section>
  );
}

/** Messages in and out, per counterpart, refused envelopes and their reasons included. */
function ExchangeLog() {
  const { t } = useTranslation();
  const { live } = useConsole();
  const [counterpart, setCounterpart] = useState('');
  const [shown, setShown] = useState('');
  const [page, setPage] = useState(1);
  const { data, error } = useFetch<ExchangeLog>(
    `/api/console/exchange-log${query({ counterpart: shown, page: String(page) })}`,
    live.seq,
  );
  return (
    <section aria-labelledby="exchange-heading" className="panel">
      <h2 id="exchange-heading">{t('audit.exchangeHeading')}</h2>
      <form
        className="filters"
        onSubmit={(event) => {
          event.preventDefault();
          setShown(counterpart.trim());
          setPage(1);
        }}
      >
        <div className="field">
          <label htmlFor="exchange-counterpart">{t('field.counterpart')}</label>
          <input
            id="exchange-counterpart"
            value={counterpart}
            onChange={(e) => setCounterpart(e.target.value)}
          />
        </div>
        <button type="submit">{t('board.apply')}</button>
      </form>
      <ErrorLine error={error} />
      {data && (
        <>
          <MessageTable rows={data.items} caption={t('audit.exchangeMessages', { count: data.total })} />
          <Pager page={page} total={data.total} pageSize={data.pageSize} onPage={setPage} />
          <MessageTable
            rows={data.refused}
            caption={t('audit.refusedEnvelopes', { count: data.refusedDays })}
          />
        </>
      )}
    </section>
  );
}
