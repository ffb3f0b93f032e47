import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import lo from './locales/lo.json';
import vi from './locales/vi.json';
import zh from './locales/zh.json';

/**
 * i18next: plurals by the language's CLDR rules (Intl.PluralRules: English one/other; Vietnamese,
 * Chinese and Lao have one form), numbers and dates by Intl. A missing key falls back to English.
 */
export const LANGUAGES = [
  { code: 'vi', name: 'Tiếng Việt' },
  { code: 'zh', name: '简体中文' },
  { code: 'lo', name: 'ພາສາລາວ' },
  { code: 'en', name: 'English' },
] as const;

void i18next.use(initReactI18next).init({
  resources: {
    en: { translation: en },
    vi: { translation: vi },
    zh: { translation: zh },
    lo: { translation: lo },
  },
  lng: 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18next;
