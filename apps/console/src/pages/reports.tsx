import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorLine } from '../components/error-line';
import { query } from '../api';
import { useFetch } from '../use-fetch';

interface Counts {
  readonly period: { from: string; to: string };
  readonly verifications: Record<string, number>;
  readonly repatriations: readonly {
    border_gate: string | null;
    counterpart: string;
    victims: number | string;
    children: number | string | null;
  }[];
  readonly [other: string]: unknown;
}

const monthStart = (d: Date) =>
  new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1)).toISOString().slice(0, 10);

/** The periodic statistics as tables and bars, downloadable as CSV. */
export function Reports() {
  const { t, i18n } = useTranslation();
  const now = new Date();
  const [from, setFrom] = useState(
    monthStart(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 1))),
  );
  const [to, setTo] = useState(new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10));
  const [period, setPeriod] = useState({ from, to });
  const { data, error } = useFetch<Counts>(
    `/api/reports/counts${query({ from: `${period.from}T00:00:00Z`, to: `${period.to}T00:00:00Z` })}`,
  );
  const number = (n: unknown) => new Intl.NumberFormat(i18n.language).format(Number(n ?? 0));
  const rows: [string, number][] = data
    ? [
        ...Object.entries(data.verifications).map(([k, v]): [string, number] => [
          t(`report.verifications.${k}`, { defaultValue: k }),
          Number(v),
        ]),
        ...Object.entries(data)
          .filter(([k, v]) => k !== 'verifications' && k !== 'period' && typeof v === 'number')
          .map(([k, v]): [string, number] => [t(`report.${k}`, { defaultValue: k }), Number(v)]),
        ...data.repatriations.map((r): [string, number] => [
          t('report.repatriatedAt', { gate: r.border_gate ?? '—', counterpart: r.counterpart }),
          Number(r.victims),
        ]),
      ]
    : [];
  const max = Math.max(1, ...rows.map(([, v]) => v));
  const csv = ['measure,count', ...rows.map(([k, v]) => `"${k.replace(/"/g, '""')}",${v}`)].join('\n');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setPeriod({ from, to });
  };
  return (
    <section aria-labelledby="reports-heading">
      <h1 id="reports-heading">{t('nav.reports')}</h1>
      <form className="filters" onSubmit={submit}>
        <div className="field">
          <label htmlFor="report-from">{t('field.from')}</label>
          <input id="report-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="report-to">{t('field.to')}</label>
          <input id="report-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
        <button type="submit">{t('board.apply')}</button>
      </form>
      <ErrorLine error={error} />
      {data && (
        <>
          <table className="report">
            <caption>{t('report.caption', { from: period.from, to: period.to })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('report.measure')}</th>
                <th scope="col">{t('report.count')}</th>
                <th scope="col" aria-hidden="true"></th>
              </tr>
            </thead>
            <tbody>
              {rows.map(([label, value]) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  <td>{number(value)}</td>
                  <td aria-hidden="true">
                    <svg className="bar" width="200" height="14" role="presentation">
                      <rect width={(200 * value) / max} height="14" />
                    </svg>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <a
            className="button"
            download={`xborder-report-${period.from}-${period.to}.csv`}
            href={`data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`}
          >
            {t('report.download')}
          </a>
        </>
      )}
    </section>
  );
}
