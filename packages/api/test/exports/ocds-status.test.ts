import { describe, expect, it } from 'vitest';
import { ocdsStatus } from '../../src/exports/ocds-release';

describe('OCDS status from the recorded status and the dates (the mapping of the publication policy)', () => {
  const today = '2026-06-15';
  it.each([
    ['PLANNED', '2026-12-31', '2026-01-10', { contract: 'pending', award: 'pending', signed: false }],
    ['PLANNED', '2025-12-31', '2025-01-10', { contract: 'pending', award: 'pending', signed: false }],
    ['ACTIVE', '2026-12-31', '2026-01-10', { contract: 'active', award: 'active', signed: true }],
    ['ACTIVE', '2026-06-15', '2026-01-10', { contract: 'active', award: 'active', signed: true }],
    ['ACTIVE', '2026-06-14', '2026-01-10', { contract: 'terminated', award: 'active', signed: true }],
    ['ACTIVE', null, '2026-01-10', { contract: 'active', award: 'active', signed: true }],
    ['COMPLETED', '2026-12-31', '2026-01-10', { contract: 'terminated', award: 'active', signed: true }],
    ['CANCELLED', '2026-12-31', null, { contract: 'cancelled', award: 'cancelled', signed: false }],
    ['CANCELLED', '2026-12-31', '2026-01-10', { contract: 'cancelled', award: 'cancelled', signed: true }],
  ])('%s ending %s, awarded %s', (status, endDate, awardDate, expected) => {
    expect(ocdsStatus({ status, end_date: endDate, award_date: awardDate }, today)).toEqual(expected);
  });
});
