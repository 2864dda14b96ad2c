import { describe, expect, it } from 'vitest';
import { contractsHref, defaultContractsState, parseContractsQuery, toContractFilter, toContractsQuery, type ContractsState } from './contracts';
import { formatDecimal, formatMoney } from '../shared/format/numbers';

describe('contracts query string', () => {
  it('round-trips the state', () => {
    const states: ContractsState[] = [
      defaultContractsState,
      { authority: 'ministry-justice', category: 'residential', year: 2024, modality: 'GRANT', by: 'YEAR' },
      { authority: null, category: null, year: null, modality: 'SOCIAL_SERVICES_CONTRACT', by: 'CATEGORY' },
    ];
    for (const s of states) expect(parseContractsQuery(toContractsQuery(s))).toEqual(s);
    expect(contractsHref(defaultContractsState)).toBe('/contracts');
    expect(contractsHref({ ...defaultContractsState, by: 'MUNICIPALITY' })).toBe('/contracts?by=municipality');
  });

  it('drops invalid values', () => {
    expect(parseContractsQuery('?year=20x4&modality=BRIBE&by=colour&authority=%20')).toEqual(defaultContractsState);
  });

  it('builds the ContractFilter', () => {
    expect(toContractFilter(defaultContractsState)).toEqual({});
    expect(toContractFilter({ authority: 'a', category: 'c', year: 2025, modality: 'SUBSIDY', by: 'AUTHORITY' })).toEqual({
      authorities: ['a'],
      categories: ['c'],
      years: [2025],
      modalities: ['SUBSIDY'],
    });
  });
});

describe('numbers and money', () => {
  it('formats decimals in the UI language', () => {
    expect(formatDecimal(1234.5, 2, 'sq')).toBe('1\u202f234,50');
    expect(formatDecimal(1234.5, 2, 'sr')).toBe('1\u202f234,50');
    expect(formatDecimal(1234.5, 2, 'en')).toBe('1\u202f234.50');
    expect(formatDecimal(0.004, 2, 'en')).toBe('0.00');
    expect(formatDecimal(-2.5, 1, 'en')).toBe('−2.5');
    expect(formatDecimal(9.999, 2, 'sq')).toBe('10,00');
  });

  it('formats amounts with the euro sign, whole amounts without decimals', () => {
    expect(formatMoney(6546800, 'EUR', 'sq')).toBe('6\u202f546\u202f800\u00a0€');
    expect(formatMoney(38500.5, 'EUR', 'en')).toBe('38\u202f500.50\u00a0€');
    expect(formatMoney(100, 'USD', 'en')).toBe('100\u00a0USD');
    expect(formatMoney(null, 'EUR', 'en')).toBe('');
  });
});
