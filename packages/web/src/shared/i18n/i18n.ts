import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANG, LANG_STORAGE_KEY, initialLang, isLang, localeTag, type Lang } from './lang';

type Messages = Record<string, unknown>;

// One chunk per language, loaded when it is first needed: a visitor's first load carries the
// language shown only (the other two were a third of the app's first JavaScript). Every language
// has every key (locales.test.ts), so nothing falls back to a language that is not loaded.
const bundles: Record<Lang, () => Promise<{ default: Messages }>> = {
  sq: () => import('./locales/sq.json'),
  sr: () => import('./locales/sr.json'),
  en: () => import('./locales/en.json'),
};

function readStored(): string | null {
  try {
    return localStorage.getItem(LANG_STORAGE_KEY);
  } catch {
    return null;
  }
}

async function ensureBundle(lang: Lang): Promise<void> {
  if (i18next.hasResourceBundle(lang, 'translation')) return;
  i18next.addResourceBundle(lang, 'translation', (await bundles[lang]()).default);
}

/** The language the app starts in: the remembered one, else Albanian. */
export function startupLang(): Lang {
  return initialLang(readStored());
}

/** Starts i18next in the remembered language (else Albanian) once that language's texts are loaded. */
export async function setupI18n(): Promise<typeof i18next> {
  const lng = startupLang();
  const messages = (await bundles[lng]()).default;
  await i18next.use(initReactI18next).init({
    resources: { [lng]: { translation: messages } },
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

/** Switches the UI language (and remembers it), once its texts are loaded. */
export async function changeLanguage(lang: Lang): Promise<void> {
  try {
    localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    /* private mode: not remembered */
  }
  await ensureBundle(lang);
  await i18next.changeLanguage(lang);
}
