import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyWork as MyWorkData } from '@xb/console-contract';
import { ErrorLine } from '../components/error-line';
import { codeLabel } from '../components/labels';
import { useConsole } from '../context';
import { MessageTable } from '../components/message-table';
import { ErasureNotices } from '../components/erasure-notices';
import { Link } from '../router';
import { formatTime } from '../time';
import { useFetch } from '../use-fetch';

/** What needs the officer now: deadlines due or passed, new inbound messages, delivery problems. */
export function MyWork() {
  const { t, i18n } = useTranslation();
  const { settings, live } = useConsole();
  const [decided, setDecided] = useState(0);
  const { data, error } = useFetch<MyWorkData>('/api/console/my-work', `${live.seq}-${decided}`);
  const time = (iso: string) => (
    <time dateTime={iso}>{formatTime(iso, i18n.language, settings.timeZone)}</time>
  );
  const inbound = data?.messages.filter((m) => m.kind === 'inbound') ?? [];
  const problems = data?.messages.filter((m) => m.kind !== 'inbound') ?? [];
  const escalations = data?.escalations ?? [];
  return (
    <section aria-labelledby="work-heading">
      <h1 id="work-heading">{t('nav.myWork')}</h1>
      <ErrorLine error={error} />
      <h2>{t('work.escalations', { count: escalations.length })}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('board.case')}</th>
            <th scope="col">{t('work.awaited')}</th>
            <th scope="col">{t('work.due')}</th>
            <th scope="col">{t('work.escalatedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {escalations.map((e) => (
            <tr key={`${e.caseId}-${e.kind}-${e.ref}`}>
              <td>
                <Link to={`/cases/${e.resource}/${e.caseId}`}>
                  {t(`process.${e.category}`)} {e.caseId.slice(-8)}
                </Link>
              </td>
              <td>
                {codeLabel(t, 'escalated', e.kind)}
                {e.ref.startsWith('item:') ? ` ${e.ref.slice(5)}` : ''}
              </td>
              <td>{time(e.due)}</td>
              <td>{time(e.escalatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('work.deadlines', { count: data?.deadlines.length ?? 0 })}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('board.case')}</th>
            <th scope="col">{t('field.status')}</th>
            <th scope="col">{t('field.counterpart')}</th>
            <th scope="col">{t('field.deadline')}</th>
            <th scope="col">{t('field.deadlineStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {data?.deadlines.map((d) => (
            <tr key={d.caseId}>
              <td>
                <Link to={`/cases/${d.resource}/${d.caseId}`}>
                  {t(`process.${d.category}`)} {d.caseId.slice(-8)}
                </Link>
              </td>
              <td>{codeLabel(t, 'status', d.status)}</td>
              <td>{d.counterpart}</td>
              <td>{time(d.deadline)}</td>
              <td>
                <span className={`deadline ${d.deadlineStatus}`}>
                  {codeLabel(t, 'deadline', d.deadlineStatus)}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('work.inbound', { count: inbound.length })}</h2>
      <MessageTable rows={inbound} />
      <h2>{t('work.problems', { count: problems.length })}</h2>
      <MessageTable rows={problems} />
      <ErasureNotices rows={data?.erasureNotices ?? []} onDecided={() => setDecided((n) => n + 1)} />
    </section>
  );
}
