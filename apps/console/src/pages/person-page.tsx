import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '@xb/console-contract';
import { api, ApiError } from '../api';
import { Timeline } from '../components/timeline';
import { Link } from '../router';
import { useFetch } from '../use-fetch';

interface Candidate {
  readonly personId: string;
  readonly score: {
    readonly total: number;
    readonly name: number;
    readonly dob: number;
    readonly place: number;
  };
}

/**
 * One person of the register (docs/persons.md): the matches the node proposes, each to confirm (merge) or
 * reject, and one timeline of every case linked to the person or to those merged into them.
 */
export function PersonPage({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const [version, setVersion] = useState(0);
  const base = `/api/persons/${personId}`;
  const candidates = useFetch<{ candidates: Candidate[] }>(`${base}/candidates`, String(version));
  const timeline = useFetch<{ timeline: TimelineEntry[] }>(`${base}/timeline`, String(version));
  const [notice, setNotice] = useState<string>();
  const [failure, setFailure] = useState<string>();

  const act = async (action: 'confirm' | 'reject', otherPersonId: string) => {
    setFailure(undefined);
    try {
      await api(`${base}/${action}`, { method: 'POST', body: { otherPersonId } });
      setNotice(t(action === 'confirm' ? 'person.confirmed' : 'person.rejected'));
      setVersion((v) => v + 1);
    } catch (error) {
      setFailure(error instanceof ApiError ? error.reason : String(error));
    }
  };

  if (timeline.error)
    return (
      <p className="error" role="alert">
        {timeline.error.reason}
      </p>
    );
  return (
    <article aria-labelledby="person-heading">
      <h1 id="person-heading">
        {t('person.heading')} <span className="case-id">{personId}</span>
      </h1>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {failure && (
        <p className="error" role="alert">
          {failure}
        </p>
      )}
      <section aria-labelledby="candidates-heading">
        <h2 id="candidates-heading">{t('person.candidates')}</h2>
        <p>{t('person.hint')}</p>
        {(candidates.data?.candidates ?? []).length === 0 && <p>{t('person.noCandidates')}</p>}
        <ul className="candidates">
          {(candidates.data?.candidates ?? []).map((candidate) => (
            <li key={candidate.personId} data-testid="candidate">
              <Link to={`/persons/${candidate.personId}`}>{candidate.personId}</Link>{' '}
              <span>
                {t('person.score')}: {candidate.score.total.toFixed(2)}
              </span>{' '}
              <button type="button" onClick={() => void act('confirm', candidate.personId)}>
                {t('person.confirm')}
              </button>{' '}
              <button
                type="button"
                className="secondary"
                onClick={() => void act('reject', candidate.personId)}
              >
                {t('person.reject')}
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="person-timeline-heading">
        <h2 id="person-timeline-heading">{t('person.timeline')}</h2>
        <Timeline entries={timeline.data?.timeline ?? []} />
      </section>
    </article>
  );
}
