import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleSettings, SessionAnswer, SessionOfficer } from '@xb/console-contract';
import { api, ApiError, setCsrfToken } from '../api';
import { LanguageSwitch } from '../components/language-switch';

export function SignIn({
  settings,
  onSignedIn,
}: {
  settings: ConsoleSettings;
  onSignedIn: (officer: SessionOfficer) => void;
}) {
  const { t } = useTranslation();
  const [officerId, setOfficerId] = useState('');
  const [password, setPassword] = useState('');
  // A refusal the node's OpenID Connect callback sent back (`/?signInRefused=CODE`).
  const [error, setError] = useState<string | undefined>(() => {
    const code = new URLSearchParams(window.location.search).get('signInRefused');
    return code
      ? t(`signIn.refused.${code}`, { defaultValue: t('signIn.refused.other', { code }) })
      : undefined;
  });
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const session = await api<SessionAnswer>('/api/session', {
        method: 'POST',
        body: { officerId, password },
      });
      setCsrfToken(session.csrfToken);
      onSignedIn(session.officer);
    } catch (e) {
      const code = e instanceof ApiError ? e.code : 'NETWORK';
      setError(t(`signIn.refused.${code}`, { defaultValue: t('signIn.refused.other', { code }) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="sign-in">
      <h1>{t('app.title')}</h1>
      <p className="agency">{settings.agencyId}</p>
      <LanguageSwitch />
      <form onSubmit={submit} aria-labelledby="sign-in-heading">
        <h2 id="sign-in-heading">{t('signIn.heading')}</h2>
        {error && (
          <p className="error" role="alert" id="sign-in-error">
            {error}
          </p>
        )}
        <div className="field">
          <label htmlFor="officer-id">{t('signIn.officerId')}</label>
          <input
            id="officer-id"
            name="username"
            autoComplete="username"
            required
            value={officerId}
            onChange={(e) => setOfficerId(e.target.value)}
            aria-describedby={error ? 'sign-in-error' : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor="password">{t('signIn.password')}</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <button type="submit" disabled={busy}>
          {t('signIn.submit')}
        </button>
      </form>
      {settings.signIn.includes('oidc') && (
        <p>
          {/* A full navigation: the provider's pages are not the console's. */}
          <a className="button" href="/api/session/oidc">
            {t('signIn.oidc')}
          </a>
        </p>
      )}
    </main>
  );
}
