import { describe, expect, it } from 'vitest';
import { diffRows, formatValue, isRevertible } from './revision-diff';

describe('revision diffs', () => {
  it('formats values of every shape', () => {
    expect(formatValue(null)).toBe('—');
    expect(formatValue('')).toBe('—');
    expect(formatValue([])).toBe('—');
    expect(formatValue(12)).toBe('12');
    expect(formatValue(true)).toBe('✓');
    expect(formatValue(['a', 'b'])).toBe('a, b');
    expect(formatValue({ sq: 'Emër', sr: null, en: 'Name' })).toBe('sq: Emër; en: Name');
  });

  it('names codes through the namer, by field', () => {
    const namer = (field: string, v: string) => (field === 'serviceArea' ? ({ PR: 'Prishtinë', FE: 'Ferizaj' } as Record<string, string>)[v] ?? v : v);
    const rows = diffRows([{ field: 'serviceArea', old: ['PR'], new: ['FE', 'PR'] }, { field: 'capacity', old: 100, new: 150 }], namer);
    expect(rows).toEqual([
      { field: 'serviceArea', old: 'Prishtinë', new: 'Ferizaj, Prishtinë', added: ['Ferizaj'], removed: [] },
      { field: 'capacity', old: '100', new: '150' },
    ]);
  });

  it('shows a created list against nothing and a removed value as a dash', () => {
    expect(diffRows([{ field: 'languages', old: null, new: ['sq'] }])[0]).toEqual({ field: 'languages', old: '—', new: 'sq', added: ['sq'], removed: [] });
    expect(diffRows([{ field: 'website', old: 'https://a.org', new: null }])[0]).toEqual({ field: 'website', old: 'https://a.org', new: '—' });
  });

  it('offers revert for updates and reverts only', () => {
    expect(['CREATE', 'UPDATE', 'DELETE', 'VERIFY', 'REVERT', 'CONFIRM'].filter(isRevertible)).toEqual(['UPDATE', 'REVERT']);
  });
});
