import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ConsoleSettings, Officer, setCsrfToken, whenSignedOut } from './api';
import { LanguageSwitch } from './components/language-switch';
import { ConsoleContext, hasRole, LiveEvent, NO_LIVE, withLiveEvent } from './context';
import { Audit } from './pages/audit';
import { PersonPage } from './pages/person-page';
import { Board } from './pages/board';
import { BOARDS } from './pages/boards';
import { CasePage } from './pages/case-page';
import { MyWork } from './pages/my-work';
import { Reports } from './pages/reports';
import { SignIn } from './pages/sign-in';
import { Link, match, navigate, usePath } from './router';
import { useLive } from './use-live';

export function App() {
  const { t, i18n } = useTranslation();
  const [settings, setSettings] = useState<ConsoleSettings>();
  const [officer, setOfficer] = useState<Officer | null>();
  useEffect(() => {
    whenSignedOut(() => setOfficer(null));
    void api<ConsoleSettings>('/api/console/config').then((s) => {
      setSettings(s);
      void i18n.changeLanguage(localStorage.getItem('xb.language') ?? s.defaultLanguage);
    });
    api<{ officer: Officer; csrfToken: string }>('/api/session').then(
      (session) => {
        setCsrfToken(session.csrfToken);
        setOfficer(session.officer);
      },
      () => setOfficer(null),
    );
  }, [i18n]);
  useEffect(() => {
    document.documentElement.lang = i18n.language;
    document.title = t('app.title');
  }, [i18n.language, t]);
  if (!settings || officer === undefined) return <p role="status">{t('common.loading')}</p>;
  if (!officer) return <SignIn settings={settings} onSignedIn={setOfficer} />;
  return <Shell settings={settings} officer={officer} onSignedOut={() => setOfficer(null)} />;
}

function Shell({
  settings,
  officer,
  onSignedOut,
}: {
  settings: ConsoleSettings;
  officer: Officer;
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
        <Page path={path} />
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
