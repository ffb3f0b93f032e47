import { useTranslation } from 'react-i18next';
import { useConsole } from '../context';
import { formatTime } from '../time';
import { codeLabel, labelOf } from './labels';

const WITHHELD = /^\[withheld/;
const TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}.*)?$/;

type Name = { original?: string; romanised?: string };
const isName = (value: unknown): value is Name =>
  typeof value === 'object' &&
  value !== null &&
  ('original' in value || 'romanised' in value) &&
  Object.keys(value).every((k) => k === 'original' || k === 'romanised');

/** A person's name in its original script and romanised, each marked so a screen reader reads it right. */
export function PersonName({ name }: { name: Name }) {
  return (
    <span className="person-name">
      <span className="original">{name.original}</span>
      {name.romanised && name.romanised !== name.original && (
        <span className="romanised"> ({name.romanised})</span>
      )}
    </span>
  );
}

/** A case's state as nested definition lists: codes translated, times in the node's zone, names both ways. */
export function StateView({ value }: { value: unknown }) {
  const { t, i18n } = useTranslation();
  const { settings } = useConsole();
  if (isName(value)) return <PersonName name={value} />;
  if (typeof value === 'string') {
    if (WITHHELD.test(value)) return <span className="withheld">{t('case.withheld')}</span>;
    if (TIME.test(value))
      return <time dateTime={value}>{formatTime(value, i18n.language, settings.timeZone)}</time>;
    return <>{value}</>;
  }
  if (typeof value === 'number') return <>{new Intl.NumberFormat(i18n.language).format(value)}</>;
  if (typeof value === 'boolean') return <>{t(value ? 'common.yes' : 'common.no')}</>;
  if (value === null || value === undefined) return <>—</>;
  if (Array.isArray(value))
    return value.length === 0 ? (
      <>—</>
    ) : (
      <ol className="state-list">
        {value.map((item, i) => (
          <li key={i}>
            <StateView value={item} />
          </li>
        ))}
      </ol>
    );
  return (
    <dl className="state">
      {Object.entries(value as Record<string, unknown>).map(([key, item]) => (
        <div key={key}>
          <dt>{labelOf(t, key)}</dt>
          <dd>{key === 'status' ? codeLabel(t, 'status', item) : <StateView value={item} />}</dd>
        </div>
      ))}
    </dl>
  );
}
