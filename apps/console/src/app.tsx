import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleSettings, SessionAnswer, SessionOfficer } from '@xb/console-contract';
import { api, forgetPrefetched, prefetch, query, setCsrfToken, whenSignedOut } from './api';
import { LanguageSwitch } from './components/language-switch';
import { ConsoleContext, hasRole, LiveEvent, NO_LIVE, withLiveEvent } from './context';
import { loadLanguage, storedLanguage, switchLanguage } from './i18n';
import { BOARDS } from './pages/boards';
import { Link, match, navigate, usePath } from './router';
import { useLive } from './use-live';

/**
 * Each page is a chunk of its own, so a board parses only the board's code. The chunk of the page the
 * browser opens on is fetched at once, alongside the session and settings (no waterfall); the others
 * when first visited.
 */
const CHUNKS = {
  board: () => import('./pages/board'),
  casePage: () => import('./pages/case-page'),
  personPage: () => import('./pages/person-page'),
  audit: () => import('./pages/audit'),
  reports: () => import('./pages/reports'),
  myWork: () => import('./pages/my-work'),
  signIn: () => import('./pages/sign-in'),
};
const Board = lazy(() => CHUNKS.board().then((m) => ({ default: m.Board })));
const CasePage = lazy(() => CHUNKS.casePage().then((m) => ({ default: m.CasePage })));
const PersonPage = lazy(() => CHUNKS.personPage().then((m) => ({ default: m.PersonPage })));
const Audit = lazy(() => CHUNKS.audit().then((m) => ({ default: m.Audit })));
const Reports = lazy(() => CHUNKS.reports().then((m) => ({ default: m.Reports })));
const MyWork = lazy(() => CHUNKS.myWork().then((m) => ({ default: m.MyWork })));
const SignIn = lazy(() => CHUNKS.signIn().then((m) => ({ default: m.SignIn })));

/** The chunk of the page a path shows. */
function chunkOf(path: string): keyof typeof CHUNKS {
  if (match('/boards/:board', path)) return 'board';
  if (match('/cases/:resource/:caseId', path)) return 'casePage';
  if (match('/persons/:personId', path)) return 'personPage';
  if (match('/audit', path)) return 'audit';
  if (match('/reports', path)) return 'reports';
  return 'myWork';
}
void CHUNKS[chunkOf(window.location.pathname)]().catch(() => undefined);
// A board's first page as the board will ask for it (no filter, page 1).
const openingBoard = BOARDS.find((b) => match(`/boards/${b.name}`, window.location.pathname));
if (openingBoard) prefetch(`${openingBoard.path}${query({ page: '1' })}`);

/**
 * The node's settings as this browser last read them: a reload shows the page with them at once and
 * takes the node's answer when it comes (they change only when the node is reconfigured).
 */
const CACHED_SETTINGS = 'xb.settings';
const isSettings = (value: unknown): value is ConsoleSettings =>
  typeof value === 'object' &&
  value !== null &&
  'agencyId' in value &&
  typeof value.agencyId === 'string' &&
  'timeZone' in value &&
  typeof value.timeZone === 'string' &&
  'defaultLanguage' in value &&
  typeof value.defaultLanguage === 'string' &&
  'signIn' in value &&
  Array.isArray(value.signIn);
function cachedSettings(): ConsoleSettings | undefined {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(CACHED_SETTINGS) ?? 'null');
    return isSettings(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
const cached = cachedSettings();
const languageOf = (settings: ConsoleSettings) => storedLanguage() ?? settings.defaultLanguage;
if (cached) void loadLanguage(languageOf(cached)).catch(() => undefined);

/** Settings (cached or read), session and the page's labels in parallel, before the first page shows. */
const freshSettings = api<ConsoleSettings>('/api/console/config').then((settings) => {
  localStorage.setItem(CACHED_SETTINGS, JSON.stringify(settings));
  return settings;
});
const starting = Promise.all([
  (cached ? Promise.resolve(cached) : freshSettings).then(async (settings) => {
    await switchLanguage(languageOf(settings));
    return settings;
  }),
  api<SessionAnswer>('/api/session').then(
    (session) => session,
    () => undefined,
  ),
]);

export function App() {
  const { t, i18n } = useTranslation();
  const [settings, setSettings] = useState<ConsoleSettings>();
  const [officer, setOfficer] = useState<SessionOfficer | null>();
  useEffect(() => {
    whenSignedOut(() => setOfficer(null));
    void starting.then(([s, session]) => {
      if (session) setCsrfToken(session.csrfToken);
      else {
        forgetPrefetched();
        void CHUNKS.signIn().catch(() => undefined);
      }
      setSettings(s);
      setOfficer(session?.officer ?? null);
    });
    // The node's own answer replaces cached settings that have changed.
    void freshSettings.then(
      async (fresh) => {
        if (!cached || JSON.stringify(fresh) === JSON.stringify(cached)) return;
        await switchLanguage(languageOf(fresh));
        setSettings(fresh);
      },
      () => undefined,
    );
  }, []);
  useEffect(() => {
    document.documentElement.lang = i18n.language;
    document.title = t('app.title');
  }, [i18n.language, t]);
  const loadingLine = <p role="status">{t('common.loading')}</p>;
  if (!settings || officer === undefined) return loadingLine;
  if (!officer)
    return (
      <Suspense fallback={loadingLine}>
        <SignIn settings={settings} onSignedIn={setOfficer} />
      </Suspense>
    );
  return <Shell settings={settings} officer={officer} onSignedOut={() => setOfficer(null)} />;
}

function Shell({
  settings,
  officer,
  onSignedOut,
}: {
  settings: ConsoleSettings;
  officer: SessionOfficer;
  onSignedOut: () => void;
}) {
  const { t } = useTranslation();
  const path = usePath();
  const [live, setLive] = useState(NO_LIVE);
  const onLive = useCallback(
    (event: LiveEvent | 'connected') => setLive((state) => withLiveEvent(state, event)),
    [],
  );
  const connected = useLive(onLive);
  const signOut = async () => {
    await api('/api/session', { method: 'DELETE' }).catch(() => undefined);
    setCsrfToken(undefined);
    navigate('/');
    onSignedOut();
  };
  return (
    <ConsoleContext.Provider value={{ settings, officer, live }}>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header>
        <span className="brand">{t('app.title')}</span>
        <span className="agency">{settings.agencyId}</span>
        <span className={`live ${connected ? 'on' : 'off'}`} role="status">
          {t(connected ? 'app.live' : 'app.offline')}
        </span>
        <LanguageSwitch />
        <span className="officer">
          {officer.displayName} ({officer.roles.map((r) => t(`role.${r}`)).join(', ')})
        </span>
        <button type="button" className="secondary" onClick={signOut}>
          {t('app.signOut')}
        </button>
      </header>
      <nav aria-label={t('app.navigation')}>
        <ul>
          <li>
            <Link to="/">{t('nav.myWork')}</Link>
          </li>
          {BOARDS.map((b) => (
            <li key={b.name}>
              <Link to={`/boards/${b.name}`}>{t(`nav.${b.name}`)}</Link>
            </li>
          ))}
          {hasRole(officer, 'auditor') && (
            <li>
              <Link to="/audit">{t('nav.audit')}</Link>
            </li>
          )}
          <li>
            <Link to="/reports">{t('nav.reports')}</Link>
          </li>
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
          <Page path={path} />
        </Suspense>
      </main>
    </ConsoleContext.Provider>
  );
}

function Page({ path }: { path: string }) {
  const { t } = useTranslation();
  let params;
  if ((params = match('/boards/:board', path))) {
    const board = BOARDS.find((b) => b.name === params!.board);
    if (board) return <Board key={board.name} board={board} />;
  }
  if ((params = match('/cases/locate/:caseId', path))) return <Locate caseId={params.caseId} />;
  if ((params = match('/cases/:resource/:caseId', path)))
    return <CasePage key={params.caseId} resource={params.resource} caseId={params.caseId} />;
  if ((params = match('/persons/:personId', path)))
    return <PersonPage key={params.personId} personId={params.personId} />;
  if (match('/audit', path)) return <Audit />;
  if (match('/reports', path)) return <Reports />;
  if (match('/', path)) return <MyWork />;
  return <p>{t('app.notFound')}</p>;
}

/** A case known only by id (a message's correlation id): ask the node which process it is. */
function Locate({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    api<{ resource: string }>(`/api/console/locate/${caseId}`).then(
      (found) => {
        window.history.replaceState(null, '', `/cases/${found.resource}/${caseId}`);
        window.dispatchEvent(new PopStateEvent('popstate'));
      },
      () => setFailed(true),
    );
  }, [caseId]);
  return <p role="status">{failed ? t('app.notFound') : t('common.loading')}</p>;
}
