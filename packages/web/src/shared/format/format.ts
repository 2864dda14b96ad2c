// Date formatting that does not depend on the browser's ICU data: some Chromium builds lack
// Albanian, and would silently print English dates on an Albanian page.
import type { Lang } from '../i18n/lang';

const MONTHS: Record<Lang, string[]> = {
  sq: ['janar', 'shkurt', 'mars', 'prill', 'maj', 'qershor', 'korrik', 'gusht', 'shtator', 'tetor', 'nëntor', 'dhjetor'],
  sr: ['januar', 'februar', 'mart', 'april', 'maj', 'jun', 'jul', 'avgust', 'septembar', 'oktobar', 'novembar', 'decembar'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/**
 * Formats an ISO date ("2025-03-01") or date-time as a long date in the UI language, in UTC
 * (dates in the registry are calendar dates). Unparseable input comes back unchanged.
 */
export function formatDate(value: string | null | undefined, lang: Lang): string {
  if (!value) return '';
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(d.getTime())) return value;
  const day = d.getUTCDate();
  const month = MONTHS[lang][d.getUTCMonth()]!;
  const year = d.getUTCFullYear();
  if (lang === 'sr') return `${day}. ${month} ${year}.`;
  if (lang === 'en') return `${day} ${month} ${year}`;
  return `${day} ${month} ${year}`;
}

/** Groups thousands with a space (thin, non-breaking), as all three languages accept. */
export function formatNumber(n: number): string {
  const s = Math.round(Math.abs(n)).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
  return n < 0 ? `−${s}` : s;
}
