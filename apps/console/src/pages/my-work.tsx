import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { codeLabel } from '../components/labels';
import { useConsole } from '../context';
import { Link } from '../router';
import { formatTime } from '../time';
import { useFetch } from '../use-fetch';

interface MyWorkData {
  readonly deadlines: {
    category: string;
    resource: string;
    caseId: string;
    status: string;
    counterpart: string;
    deadline: string;
    deadlineStatus: string;
  }[];
  readonly messages: {
    kind: string;
    messageId?: string;
    caseId?: string;
    counterpart?: string;
    payloadType?: string;
    reason?: string;
    at: string;
  }[];
}

/** What needs the officer now: deadlines due or passed, new inbound messages, delivery problems. */
export function MyWork() {
  const { t, i18n } = useTranslation();
  const { settings, live } = useConsole();
  const { data, error } = useFetch<MyWorkData>('/api/console/my-work', live.seq);
  const time = (iso: string) => (
    <time dateTime={iso}>{formatTime(iso, i18n.language, settings.timeZone)}</time>
  );
  const inbound = data?.messages.filter((m) => m.kind === 'inbound') ?? [];
  const problems = data?.messages.filter((m) => m.kind !== 'inbound') ?? [];
  return (
    <section aria-labelledby="work-heading">
      <h1 id="work-heading">{t('nav.myWork')}</h1>
      {error && (
        <p className="error" role="alert">
          {error.reason}
        </p>
      )}
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
      <MessageTable rows={inbound} time={time} />
      <h2>{t('work.problems', { count: problems.length })}</h2>
      <MessageTable rows={problems} time={time} />
    </section>
  );
}

function MessageTable({ rows, time }: { rows: MyWorkData['messages']; time: (iso: string) => ReactNode }) {
  const { t } = useTranslation();
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('work.when')}</th>
          <th scope="col">{t('work.kind')}</th>
          <th scope="col">{t('field.counterpart')}</th>
          <th scope="col">{t('work.message')}</th>
          <th scope="col">{t('work.reason')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((m, i) => (
          <tr key={`${m.messageId ?? ''}-${m.kind}-${i}`}>
            <td>{time(m.at)}</td>
            <td>{codeLabel(t, 'message', m.kind)}</td>
            <td>{m.counterpart}</td>
            <td>
              {m.caseId ? (
                <Link to={`/cases/locate/${m.caseId}`}>
                  {(m.payloadType ?? '').replace('xborder.v1.', '') || m.caseId.slice(-8)}
                </Link>
              ) : (
                (m.payloadType ?? m.messageId ?? '').replace('xborder.v1.', '')
              )}
            </td>
            <td>{m.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
