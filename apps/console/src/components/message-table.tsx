import { useTranslation } from 'react-i18next';
import type { MessageItem } from '@xb/console-contract';
import { useConsole } from '../context';
import { Link } from '../router';
import { formatTime } from '../time';
import { codeLabel } from './labels';

export function MessageTable({ rows, caption }: { rows: readonly MessageItem[]; caption?: string }) {
  const { t, i18n } = useTranslation();
  const { settings } = useConsole();
  return (
    <table>
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">{t('work.when')}</th>
          <th scope="col">{t('work.kind')}</th>
          <th scope="col">{t('field.counterpart')}</th>
          <th scope="col">{t('work.message')}</th>
          <th scope="col">{t('handling.dissemination')}</th>
          <th scope="col">{t('work.reason')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((m, i) => {
          const type = (m.payloadType ?? '').replace('xborder.v1.', '');
          return (
            <tr key={`${m.messageId ?? ''}-${m.kind}-${i}`}>
              <td>
                <time dateTime={m.at}>{formatTime(m.at, i18n.language, settings.timeZone)}</time>
              </td>
              <td>{codeLabel(t, 'message', m.kind)}</td>
              <td>{m.counterpart}</td>
              <td>
                {m.caseId ? (
                  <Link to={`/cases/locate/${m.caseId}`}>{type || m.caseId.slice(-8)}</Link>
                ) : (
                  type || m.messageId
                )}
              </td>
              <td data-dissemination={m.dissemination}>
                {m.dissemination &&
                  t(`handling.disseminationValues.${m.dissemination}`, { defaultValue: m.dissemination })}
              </td>
              <td>{m.reason}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
