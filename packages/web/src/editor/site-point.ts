// What the site form knows about its point: the municipality the API says it lies in (by polygon,
// the same rule that validates the site), and the municipality an address names, so that typing
// "Rruga e Dëshmorëve 4, Prizren" moves the picker to Prizren. No geocoder: civimap works offline.
import { graphql } from '../gql';

export const MunicipalityAtQuery = graphql(`
  query MunicipalityAt($lat: Float!, $lng: Float!) {
    municipalityAt(lat: $lat, lng: $lng) {
      code
    }
  }
`);

/** Lower case, no diacritics, đ as d, punctuation as spaces: "Fushë-Kosovë" and "fushe kosove" fold alike. */
export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

interface Named {
  code: string;
  names: { sq: string; sr?: string | null; en?: string | null };
}

/**
 * The municipality whose name (in any of the three languages) an address contains as whole words;
 * the longest name wins, so "Mitrovicë e Veriut" is not read as "Mitrovicë". Null when none.
 */
export function municipalityInText(text: string, municipalities: readonly Named[]): string | null {
  const hay = ` ${foldText(text)} `;
  if (hay.trim() === '') return null;
  let best: { code: string; length: number } | null = null;
  for (const m of municipalities) {
    for (const name of [m.names.sq, m.names.sr, m.names.en]) {
      const needle = name ? foldText(name) : '';
      if (needle.length < 3 || !hay.includes(` ${needle} `)) continue;
      if (!best || needle.length > best.length) best = { code: m.code, length: needle.length };
    }
  }
  return best?.code ?? null;
}
