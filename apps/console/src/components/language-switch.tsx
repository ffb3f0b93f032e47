import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n';

/** The console's language, kept in this browser (localStorage) once chosen. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="language">
      <label htmlFor="language">{t('app.language')}</label>
      <select
        id="language"
        value={i18n.language}
        onChange={(e) => {
          localStorage.setItem('xb.language', e.target.value);
          void i18n.changeLanguage(e.target.value);
        }}
      >
        {LANGUAGES.map((language) => (
          <option key={language.code} value={language.code} lang={language.code}>
            {language.name}
          </option>
        ))}
      </select>
    </div>
  );
}
