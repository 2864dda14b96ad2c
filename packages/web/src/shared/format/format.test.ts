import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber } from './format';

describe('formatDate', () => {
  it('formats calendar dates in each language', () => {
    expect(formatDate('2025-03-01', 'sq')).toBe('1 mars 2025');
    expect(formatDate('2025-11-24', 'sr')).toBe('24. novembar 2025.');
    expect(formatDate('2025-12-31', 'en')).toBe('31 December 2025');
  });
  it('formats date-times by their UTC date', () => {
    expect(formatDate('2026-11-24T23:30:00.000Z', 'sq')).toBe('24 nëntor 2026');
  });
  it('passes through empty and unparseable values', () => {
    expect(formatDate(null, 'en')).toBe('');
    expect(formatDate('', 'en')).toBe('');
    expect(formatDate('soon', 'en')).toBe('soon');
  });
});

describe('formatNumber', () => {
  it('groups thousands', () => {
    expect(formatNumber(227466)).toBe('227\u202f466');
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(1000000)).toBe('1\u202f000\u202f000');
    expect(formatNumber(-1500)).toBe('−1\u202f500');
  });
});
