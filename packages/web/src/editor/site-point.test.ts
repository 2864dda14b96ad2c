import { describe, expect, it } from 'vitest';
import { foldText, municipalityInText } from './site-point';

const M = [
  { code: 'prizren', names: { sq: 'Prizren', sr: 'Prizren', en: 'Prizren' } },
  { code: 'mitrovice', names: { sq: 'Mitrovicë', sr: 'Mitrovica', en: 'Mitrovica' } },
  { code: 'mitrovice-veriore', names: { sq: 'Mitrovicë e Veriut', sr: 'Severna Mitrovica', en: 'North Mitrovica' } },
  { code: 'fushe-kosove', names: { sq: 'Fushë Kosovë', sr: 'Kosovo Polje', en: 'Fushë Kosova' } },
  { code: 'gjakove', names: { sq: 'Gjakovë', sr: 'Đakovica', en: 'Gjakova' } },
];

describe('the municipality an address names', () => {
  it('folds case, diacritics and punctuation', () => {
    expect(foldText('Fushë-Kosovë, Rr. “Nëna Terezë”')).toBe('fushe kosove rr nena tereze');
    expect(foldText('Đakovica')).toBe('dakovica');
  });

  it('finds names in any language, as whole words, the longest first', () => {
    expect(municipalityInText('Rruga e Dëshmorëve 4, Prizren', M)).toBe('prizren');
    expect(municipalityInText('Kralja Petra 3, Kosovo Polje', M)).toBe('fushe-kosove');
    expect(municipalityInText('rruga x, fushe kosove', M)).toBe('fushe-kosove');
    expect(municipalityInText('Sheshi 1, Mitrovicë e Veriut', M)).toBe('mitrovice-veriore');
    expect(municipalityInText('Ulica 5, Mitrovica', M)).toBe('mitrovice');
    expect(municipalityInText('Ulica 5, Dakovica', M)).toBe('gjakove');
  });

  it('answers null when no name appears (or only inside another word)', () => {
    expect(municipalityInText('', M)).toBeNull();
    expect(municipalityInText('Rruga Prizrenasit 4', M)).toBeNull();
    expect(municipalityInText('Rruga 4', M)).toBeNull();
  });
});
