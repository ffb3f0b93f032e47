import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '@xb/console-contract';
import { useConsole } from '../context';
import { formatTime } from '../time';
import { CodesLine } from './header-codes';

/** A case's events, messages and receipts, oldest first, with who and when. */
export function Timeline({ entries }: { entries: readonly TimelineEntry[] }) {
  const { t, i18n } = useTranslation();
  const { settings } = useConsole();
  if (entries.length === 0) return <p>{t('common.none')}</p>;
  return (
    <ol className="timeline" aria-live="polite">
      {entries.map((entry) => (
        <li
          key={entry.position}
          data-type={entry.type}
          className={entry.direction ? `message ${entry.direction}` : undefined}
        >
          <time dateTime={entry.at}>{formatTime(entry.at, i18n.language, settings.timeZone)}</time>{' '}
          {entry.direction && <span className="direction">{t(`timeline.${entry.direction}`)}</span>}{' '}
          <span className="what">{t(`event.${entry.type}`, { defaultValue: entry.type })}</span>{' '}
          {/* The node words each line in English; the translated event name above carries the meaning. */}
          <span className="line" lang="en">
            {entry.line}
          </span>{' '}
          <CodesLine handling={entry.handling} evaluation={entry.evaluation} />{' '}
          <span className="actor">{entry.actor}</span>
        </li>
      ))}
    </ol>
  );
}
