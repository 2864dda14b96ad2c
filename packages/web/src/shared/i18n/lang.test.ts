import { describe, expect, it } from 'vitest';
import { apiLang, initialLang, localeTag, localized, localizedIn, otherNames } from './lang';

describe('language fallback', () => {
  const names = { sq: 'Qendra për Mirëqenie', sr: 'Centar za dobrobit', en: null };

  it('gives the name in the chosen language when there is one', () => {
    expect(localized(names, 'sr')).toBe('Centar za dobrobit');
    expect(localized(names, 'sq')).toBe('Qendra për Mirëqenie');
  });

  it('falls back to Albanian when the language is missing or blank', () => {
    expect(localized(names, 'en')).toBe('Qendra për Mirëqenie');
    expect(localized({ sq: 'A', en: '   ' }, 'en')).toBe('A');
    expect(localized({ sq: 'A' }, 'sr')).toBe('A');
  });

  it('gives an empty string for no text at all', () => {
    expect(localized(null, 'en')).toBe('');
  });

  it('lists the other names, without duplicates of the shown one', () => {
    expect(otherNames({ sq: 'A', sr: 'B', en: 'A' }, 'sq')).toEqual([{ lang: 'sr', name: 'B' }]);
    expect(otherNames({ sq: 'A', sr: 'B', en: 'C' }, 'en')).toEqual([
      { lang: 'sq', name: 'A' },
      { lang: 'sr', name: 'B' },
    ]);
  });

  it('starts in the remembered language, else Albanian', () => {
    expect(initialLang('en')).toBe('en');
    expect(initialLang('sr')).toBe('sr');
    expect(initialLang('de')).toBe('sq');
    expect(initialLang(null)).toBe('sq');
  });

  it('maps UI languages to the API enum and to locale tags', () => {
    expect(apiLang('sq')).toBe('SQ');
    expect(apiLang('en')).toBe('EN');
    expect(localeTag('sr')).toBe('sr-Latn');
  });
});

describe('localizedIn', () => {
  it('says which language the shown text is in, falling back to Albanian, then to any', () => {
    expect(localizedIn({ sq: 'Shtëpia', sr: 'Kuća', en: null }, 'sr')).toEqual({ text: 'Kuća', lang: 'sr' });
    expect(localizedIn({ sq: 'Shtëpia', sr: 'Kuća', en: '  ' }, 'en')).toEqual({ text: 'Shtëpia', lang: 'sq' });
    expect(localizedIn({ sq: null, sr: null, en: 'Home' }, 'sr')).toEqual({ text: 'Home', lang: 'en' });
    expect(localizedIn({ sq: null, sr: null, en: null }, 'sq')).toBeNull();
    expect(localizedIn(null, 'sq')).toBeNull();
  });
});
