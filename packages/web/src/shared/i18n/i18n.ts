import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import sq from './locales/sq.json';
import sr from './locales/sr.json';
import { DEFAULT_LANG, LANG_STORAGE_KEY, initialLang, isLang, localeTag, type Lang } from './lang';

export const resources = { sq: { translation: sq }, sr: { translation: sr }, en: { translation: en } } as const;

function readStored(): string | null {
  try {
    return localStorage.getItem(LANG_STORAGE_KEY);
  } catch {
    return null;
  }
}

export function setupI18n(): typeof i18next {
  const lng = initialLang(readStored());
  void i18next.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: DEFAULT_LANG,
    supportedLngs: ['sq', 'sr', 'en'],
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
    returnNull: false,
  });
  document.documentElement.lang = localeTag(lng);
  i18next.on('languageChanged', (l) => {
    if (isLang(l)) document.documentElement.lang = localeTag(l);
  });
  return i18next;
}

export function changeLanguage(lang: Lang): void {
  try {
    localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    /* private mode: not remembered */
  }
  void i18next.changeLanguage(lang);
}
