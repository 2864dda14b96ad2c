// Decimal numbers and amounts of money in the UI language, without relying on the browser's ICU
// data (see format.ts): a thin no-break space groups thousands, sq and sr write a decimal comma.
import { formatNumber } from './format';
import type { Lang } from '../i18n/lang';

/** A number with a fixed count of decimals: 1234.5 → "1 234,50" (sq, sr) or "1 234.50" (en). */
export function formatDecimal(n: number, decimals: number, lang: Lang): string {
  if (!Number.isFinite(n)) return '';
  const fixed = Math.abs(n).toFixed(decimals);
  const [int, frac] = fixed.split('.') as [string, string | undefined];
  const grouped = formatNumber(Number(int));
  const sign = n < 0 && Number(fixed) !== 0 ? '−' : '';
  return sign + grouped + (frac ? (lang === 'en' ? '.' : ',') + frac : '');
}

/** An amount in a currency: whole amounts without decimals ("38 500 €"), others with two. */
export function formatMoney(amount: number | null | undefined, currency: string, lang: Lang): string {
  if (amount == null || !Number.isFinite(amount)) return '';
  const whole = Math.abs(amount - Math.round(amount)) < 0.005;
  const s = formatDecimal(amount, whole ? 0 : 2, lang);
  const symbol = currency === 'EUR' ? '€' : currency;
  return `${s}\u00a0${symbol}`;
}
