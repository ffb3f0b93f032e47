import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorLine } from '../components/error-line';
import type { CommandView } from '@xb/console-contract';
import { query } from '../api';
import { CommandForm } from '../components/command-form';
import { Pager } from '../components/pager';
import { codeLabel, labelOf } from '../components/labels';
import { StateView } from '../components/state-view';
import { useConsole } from '../context';
import { Link, navigate } from '../router';
import { formatTime } from '../time';
import { useFetch } from '../use-fetch';
import { BoardDefinition } from './boards';

type Row = Record<string, unknown>;
const TIME_COLUMNS = /(_at|_date|deadline|_on)$/;

export function Board({ board }: { board: BoardDefinition }) {
  const { t, i18n } = useTranslation();
  const { settings, officer, live } = useConsole();
  const [filter, setFilter] = useState<Record<string, string>>({});
  const [applied, setApplied] = useState<Record<string, string>>({});
  const [page, setPage] = useState(1);
  const { data, error } = useFetch<{ items: Row[]; total?: number; pageSize?: number }>(
    `${board.path}${query({ ...applied, page: String(page) })}`,
    live.seq,
  );
  const { data: commands } = useFetch<{ commands: CommandView[] }>('/api/console/commands');
  const [opening, setOpening] = useState<CommandView>();
  const openers = (commands?.commands ?? []).filter(
    (c) =>
      !c.action && board.resources.includes(c.resource) && c.roles.some((r) => officer.roles.includes(r)),
  );
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setPage(1);
    setApplied(filter);
  };
  const heading = t(`nav.${board.name}`);
  const cell = (row: Row, column: string) => {
    const value = row[column];
    if (column === 'status' || column === 'direction' || column === 'kind')
      return codeLabel(t, column === 'status' ? 'status' : 'code', value);
    if (column === 'deadlineStatus')
      return <span className={`deadline ${String(value)}`}>{codeLabel(t, 'deadline', value)}</span>;
    if (TIME_COLUMNS.test(column) && typeof value === 'string')
      return <time dateTime={value}>{formatTime(value, i18n.language, settings.timeZone)}</time>;
    // A meeting's action items: how many, and how many are past their deadline and not done.
    if (column === 'actionItems' && Array.isArray(value)) {
      const overdue = value.filter((item: { deadlineStatus?: string }) => item.deadlineStatus === 'overdue');
      return i18n.t('board.actionItems', { count: value.length, overdue: overdue.length });
    }
    if (Array.isArray(value)) return i18n.t('board.linkedCases', { count: value.length });
    if (typeof value === 'object') return <StateView value={value} />;
    return codeLabel(t, 'code', value);
  };

  return (
    <section aria-labelledby="board-heading">
      <h1 id="board-heading">{heading}</h1>
      {openers.length > 0 && (
        <div className="openers">
          {openers.map((command) => (
            <button
              key={command.command}
              type="button"
              aria-expanded={opening?.command === command.command}
              onClick={() => setOpening(opening?.command === command.command ? undefined : command)}
            >
              {t(`command.${command.command}`, { defaultValue: command.summary })}
            </button>
          ))}
        </div>
      )}
      {opening && (
        <section
          className="panel"
          aria-label={t(`command.${opening.command}`, { defaultValue: opening.summary })}
        >
          <CommandForm
            command={opening}
            onDone={(outcome) => navigate(`/cases/${opening.resource}/${outcome.caseId}`)}
          />
        </section>
      )}
      {board.filters.length > 0 && (
        <form className="filters" onSubmit={apply} aria-label={t('board.filters')}>
          {board.filters.map((name) => (
            <div className="field" key={name}>
              <label htmlFor={`filter-${name}`}>{labelOf(t, name)}</label>
              {name === 'overdue' ? (
                <input
                  id={`filter-${name}`}
                  type="checkbox"
                  checked={filter.overdue === 'true'}
                  onChange={(e) => setFilter({ ...filter, overdue: e.target.checked ? 'true' : '' })}
                />
              ) : name === 'direction' ? (
                <select
                  id={`filter-${name}`}
                  value={filter.direction ?? ''}
                  onChange={(e) => setFilter({ ...filter, direction: e.target.value })}
                >
                  <option value="">{t('board.any')}</option>
                  <option value="incoming">{codeLabel(t, 'code', 'incoming')}</option>
                  <option value="outgoing">{codeLabel(t, 'code', 'outgoing')}</option>
                </select>
              ) : (
                <input
                  id={`filter-${name}`}
                  type={name === 'from' || name === 'to' ? 'date' : 'text'}
                  value={filter[name] ?? ''}
                  onChange={(e) => setFilter({ ...filter, [name]: e.target.value })}
                />
              )}
            </div>
          ))}
          <button type="submit">{t('board.apply')}</button>
        </form>
      )}
      <ErrorLine error={error} />
      <table>
        <caption>
          {data ? t('board.count', { count: data.total ?? data.items.length }) : t('common.loading')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('board.case')}</th>
            {board.columns.map((c) => (
              <th scope="col" key={c}>
                {labelOf(t, c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {(data?.items ?? []).map((row) => {
            const id = String(row[board.idColumn]);
            const resource = board.resourceOf?.(row) ?? board.resources[0];
            return (
              <tr key={id}>
                <td>
                  <Link to={`/cases/${resource}/${id}`}>{id.slice(-8)}</Link>
                </td>
                {board.columns.map((c) => (
                  <td key={c}>{cell(row, c)}</td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {data && <Pager page={page} total={data.total ?? 0} pageSize={data.pageSize ?? 50} onPage={setPage} />}
    </section>
  );
}
