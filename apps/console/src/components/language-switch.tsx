import { useTranslation } from 'react-i18next';
import { LANGUAGES, STORED_LANGUAGE, switchLanguage } from '../i18n';

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
          localStorage.setItem(STORED_LANGUAGE, e.target.value);
          void switchLanguage(e.target.value);
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
