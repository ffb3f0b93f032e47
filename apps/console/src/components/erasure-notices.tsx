import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErasureNoticeItem } from '@xb/console-contract';
import { api, ApiError } from '../api';
import { hasRole, useConsole } from '../context';
import { formatTime } from '../time';

/**
 * Counterparts' erasure notices, each an action for the key administrator: erase our own copy of the
 * persons it names, or keep it, with a note. Each side is controller of its own records, so nothing is
 * erased until someone decides.
 */
export function ErasureNotices({
  rows,
  onDecided,
}: {
  rows: readonly ErasureNoticeItem[];
  onDecided: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { settings, officer } = useConsole();
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<string>();
  const [failure, setFailure] = useState<string>();
  // The list comes from a read model the projector keeps: a notice just decided may be listed as
  // awaiting for a moment after, so it is left out here rather than offered for a second decision.
  const [decided, setDecided] = useState<ReadonlySet<string>>(new Set());
  const awaiting = rows.filter((n) => !decided.has(n.messageId));
  const decides = hasRole(officer, 'key_administrator');

  const decide = async (messageId: string, decision: 'erase' | 'keep') => {
    setFailure(undefined);
    try {
      await api(`/api/erasure-notices/${messageId}/decision`, {
        method: 'POST',
        body: { decision, note: notes[messageId] ?? '' },
      });
      setStatus(t('erasureNotices.decided'));
      setDecided((ids) => new Set([...ids, messageId]));
      onDecided();
    } catch (error) {
      setFailure(error instanceof ApiError ? error.reason : String(error));
    }
  };

  return (
    <>
      <h2>{t('erasureNotices.heading', { count: awaiting.length })}</h2>
      {status && (
        <p className="notice" role="status">
          {status}
        </p>
      )}
      {failure && (
        <p className="error" role="alert">
          {failure}
        </p>
      )}
      {awaiting.length > 0 && !decides && <p>{t('erasureNotices.decideAs')}</p>}
      <table>
        <thead>
          <tr>
            <th scope="col">{t('erasureNotices.from')}</th>
            <th scope="col">{t('erasureNotices.ground')}</th>
            <th scope="col">{t('erasureNotices.erasedAt')}</th>
            <th scope="col">{t('erasureNotices.concerns')}</th>
            {decides && <th scope="col">{t('erasureNotices.note')}</th>}
          </tr>
        </thead>
        <tbody>
          {awaiting.map((n) => (
            <tr key={n.messageId}>
              <td>{n.from}</td>
              <td>{t(`erasureNotices.grounds.${n.ground}`, { defaultValue: n.ground })}</td>
              <td>
                <time dateTime={n.erasedAt}>{formatTime(n.erasedAt, i18n.language, settings.timeZone)}</time>
              </td>
              <td>
                {t('erasureNotices.concernsValue', { persons: n.personIds.length, cases: n.cases.length })}
              </td>
              {decides && (
                <td>
                  <input
                    aria-label={t('erasureNotices.note')}
                    value={notes[n.messageId] ?? ''}
                    onChange={(e) => setNotes({ ...notes, [n.messageId]: e.target.value })}
                  />
                  <button type="button" onClick={() => void decide(n.messageId, 'erase')}>
                    {t('erasureNotices.erase')}
                  </button>
                  <button type="button" onClick={() => void decide(n.messageId, 'keep')}>
                    {t('erasureNotices.keep')}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
