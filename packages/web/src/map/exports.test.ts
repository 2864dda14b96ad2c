import { describe, expect, it } from 'vitest';
import { emptyFilter, toApiFilter } from './filter';
import { EXPORT_KINDS, exportFileName, exportUrl } from '../shared/exports';

describe('export links', () => {
  it('pass the OrganizationFilter as URL-encoded JSON that parses back to the same filter', () => {
    const filter = toApiFilter({
      ...emptyFilter,
      text: 'shtëpi & "strehë"',
      categories: ['residential', 'counselling.family'],
      targetGroups: ['youth'],
      verified: true,
      licensedFor: { category: 'residential', on: '2026-01-31' },
      bbox: { minLat: 42.1, minLng: 20.5, maxLat: 42.9, maxLng: 21.4 },
    });
    for (const kind of EXPORT_KINDS) {
      const url = exportUrl(kind, filter);
      const u = new URL(url, 'http://x');
      expect(u.pathname).toBe(`/export/${kind}`);
      expect(JSON.parse(u.searchParams.get('filter')!)).toEqual(filter);
      expect(url.slice(url.indexOf("?") + 1)).toMatch(/^filter=[A-Za-z0-9%._~!*()'-]+$/);
    }
  });

  it('has no parameter for an empty filter, and leaves empty parts out', () => {
    expect(exportUrl('locations.geojson')).toBe('/export/locations.geojson');
    expect(exportUrl('locations.geojson', toApiFilter(emptyFilter))).toBe('/export/locations.geojson');
    expect(exportUrl('organizations.csv', { categories: [], text: ' ', regions: ['peje'], verified: undefined })).toBe(
      '/export/organizations.csv?filter=' + encodeURIComponent('{"regions":["peje"]}'),
    );
  });

  it('keeps false booleans (they are a choice, not an empty part)', () => {
    expect(exportUrl('services.csv', { includeDemo: false })).toBe('/export/services.csv?filter=' + encodeURIComponent('{"includeDemo":false}'));
  });

  it('names the files as the API does', () => {
    expect(exportFileName('locations.geojson')).toBe('civimap-locations.geojson');
    expect(exportFileName('contracts.ocds.json')).toBe('civimap-contracts.ocds.json');
  });
});
