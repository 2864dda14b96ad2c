// UI languages and the data-language fallback rule (Albanian is the default and the only language
// every record is required to have).

export const LANGUAGES = ['sq', 'sr', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];
export const DEFAULT_LANG: Lang = 'sq';
export const LANG_STORAGE_KEY = 'civimap.lang';

export function isLang(v: unknown): v is Lang {
  return typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v);
}

/** The GraphQL `Language` enum value for a UI language. */
export function apiLang(lang: Lang): 'SQ' | 'SR' | 'EN' {
  return lang.toUpperCase() as 'SQ' | 'SR' | 'EN';
}

/** BCP 47 tag for Intl formatting and the html lang attribute (Serbian data is in Latin script). */
export function localeTag(lang: Lang): string {
  return lang === 'sr' ? 'sr-Latn' : lang;
}

export interface LocalizedText {
  sq: string;
  sr?: string | null;
  en?: string | null;
}

/** The text in the wanted language, else Albanian (blank strings count as missing). */
export function localized(text: LocalizedText | null | undefined, lang: Lang): string {
  if (!text) return '';
  const v = text[lang];
  return typeof v === 'string' && v.trim() !== '' ? v : text.sq;
}

export interface OptionalLocalizedText {
  sq?: string | null;
  sr?: string | null;
  en?: string | null;
}

/**
 * The text in the wanted language, else in Albanian, else in any language it has, with the
 * language it is in (so that a fallback can be marked with `lang`); null when it has none.
 */
export function localizedIn(text: OptionalLocalizedText | null | undefined, lang: Lang): { text: string; lang: Lang } | null {
  if (!text) return null;
  for (const l of [lang, DEFAULT_LANG, ...LANGUAGES]) {
    const v = text[l];
    if (typeof v === 'string' && v.trim() !== '') return { text: v, lang: l };
  }
  return null;
}

/** The language the user chose before (remembered in localStorage), else Albanian. */
export function initialLang(stored: string | null | undefined): Lang {
  return isLang(stored) ? stored : DEFAULT_LANG;
}

/** The other names of a record, i.e. those that differ from the one shown (for the profile's "also known as"). */
export function otherNames(text: LocalizedText, lang: Lang): { lang: Lang; name: string }[] {
  const shown = localized(text, lang);
  const out: { lang: Lang; name: string }[] = [];
  for (const l of LANGUAGES) {
    const v = text[l];
    if (typeof v === 'string' && v.trim() && v !== shown && !out.some((o) => o.name === v)) out.push({ lang: l, name: v });
  }
  return out;
}
