import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';

/**
 * i18next: plurals by the language's CLDR rules (Intl.PluralRules: English one/other; Vietnamese,
 * Chinese and Lao have one form), numbers and dates by Intl. A missing key falls back to English, so
 * English is in the main bundle; each other language is a chunk of its own, fetched only when chosen
 * (a page in Lao need not parse the Chinese labels).
 */
export const LANGUAGES = [
  { code: 'vi', name: 'Tiếng Việt' },
  { code: 'zh', name: '简体中文' },
  { code: 'lo', name: 'ພາສາລາວ' },
  { code: 'en', name: 'English' },
] as const;

type Code = (typeof LANGUAGES)[number]['code'];
/** A language's labels (the languages differ in their plural forms, so not English's type). */
type Labels = Record<string, unknown>;

const LOADERS: Record<Exclude<Code, 'en'>, () => Promise<{ default: Labels }>> = {
  vi: () => import('./locales/vi.json'),
  zh: () => import('./locales/zh.json'),
  lo: () => import('./locales/lo.json'),
};

const isCode = (code: string): code is Code => LANGUAGES.some((l) => l.code === code);
const loading = new Map<Code, Promise<void>>();

/** Fetches a language's labels once (at once for the language kept in this browser: no waiting on the node). */
export function loadLanguage(code: string): Promise<void> {
  if (!isCode(code) || code === 'en') return Promise.resolve();
  let pending = loading.get(code);
  if (!pending) {
    pending = LOADERS[code]().then(
      (labels) => void i18next.addResourceBundle(code, 'translation', labels.default),
    );
    // A failed fetch (the node restarted with a new build) may be tried again.
    pending.catch(() => loading.delete(code));
    loading.set(code, pending);
  }
  return pending;
}

/** Switches to a language once its labels are there; an unknown code shows English. */
export async function switchLanguage(code: string): Promise<void> {
  const known = isCode(code) ? code : 'en';
  await loadLanguage(known).catch(() => undefined);
  await i18next.changeLanguage(known);
}

export const STORED_LANGUAGE = 'xb.language';
export const storedLanguage = (): string | null => localStorage.getItem(STORED_LANGUAGE);

void i18next.use(initReactI18next).init({
  resources: { en: { translation: en } },
  partialBundledLanguages: true,
  lng: 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18next;
