import { describe, expect, it } from 'vitest';
import {
  LICENCE_FIELDS,
  LOCATION_FIELDS,
  ORGANIZATION_FIELDS,
  SERVICE_FIELDS,
  emptyForm,
  formPoint,
  formToInput,
  licenceToForm,
  locationToForm,
  organizationToForm,
  roundCoord,
  serviceToForm,
} from './editor-forms';

const org = {
  names: { sq: 'Shoqata', sr: null, en: 'Association' },
  descriptions: { sq: 'Përshkrim', sr: null, en: null },
  acronym: null,
  legalForm: 'ASSOCIATION',
  registrationNumber: '5110',
  registrationDate: '2010-02-03',
  website: 'https://example.org',
  email: null,
  phone: null,
  yearFounded: 2009,
  staffCount: 4,
  volunteerCount: null,
  status: 'ACTIVE',
};

const service = {
  names: { sq: 'Këshillim', sr: 'Savetovanje', en: null },
  descriptions: null,
  status: 'ACTIVE',
  categories: [{ code: 'b' }, { code: 'a' }],
  targetGroups: [{ code: 'children' }],
  serviceArea: [{ code: 'PR' }],
  locations: [{ id: 'loc2' }, { id: 'loc1' }],
  capacity: 120,
  residentialPlaces: null,
  fee: 'FREE',
  languages: ['sq', 'sr'],
  eligibility: null,
};

describe('editor forms: entity → form → input', () => {
  it('round-trips an organization with nothing changed to an empty update', () => {
    const form = organizationToForm(org);
    expect(form['names.sq']).toBe('Shoqata');
    expect(form['names.sr']).toBe('');
    expect(form.yearFounded).toBe('2009');
    expect(formToInput(ORGANIZATION_FIELDS, form, form)).toEqual({ input: {}, problems: {}, changed: false });
  });

  it('sends only the changed fields; a cleared field as null; a numeric field as a number', () => {
    const initial = organizationToForm(org);
    const form = { ...initial, website: '', staffCount: ' 7 ', phone: '+383 44 123 456' };
    expect(formToInput(ORGANIZATION_FIELDS, form, initial)).toEqual({
      input: { website: null, staffCount: 7, phone: '+383 44 123 456' },
      problems: {},
      changed: true,
    });
  });

  it('sends a localized group whole when one of its languages changed', () => {
    const initial = organizationToForm(org);
    const out = formToInput(ORGANIZATION_FIELDS, { ...initial, 'names.sr': 'Udruženje' }, initial);
    expect(out.input).toEqual({ names: { sq: 'Shoqata', sr: 'Udruženje', en: 'Association' } });
  });

  it('reports what the browser can tell is not a number, and leaves it out', () => {
    const initial = organizationToForm(org);
    const out = formToInput(ORGANIZATION_FIELDS, { ...initial, staffCount: '4.5', yearFounded: 'abc' }, initial);
    expect(out.problems).toEqual({ staffCount: 'notInteger', yearFounded: 'notInteger' });
    expect(out.input).toEqual({});
  });

  it('maps a service: sorted codes, language list, unchanged lists left out', () => {
    const initial = serviceToForm(service);
    expect(initial.categories).toEqual(['a', 'b']);
    expect(initial.locationIds).toEqual(['loc1', 'loc2']);
    expect(initial.languages).toBe('sq, sr');
    // the same codes in another order are no change
    expect(formToInput(SERVICE_FIELDS, { ...initial, categories: ['b', 'a'] }, initial).changed).toBe(false);
    const out = formToInput(SERVICE_FIELDS, { ...initial, capacity: '150', languages: 'sq, sr; en', serviceArea: ['PR', 'FE'], fee: '' }, initial);
    expect(out.input).toEqual({ capacity: 150, languages: ['sq', 'sr', 'en'], serviceArea: ['FE', 'PR'], fee: null });
  });

  it('creates from an empty form with only what is filled in', () => {
    const form = { ...emptyForm(SERVICE_FIELDS), 'names.sq': ' Strehim ', categories: ['x'], capacity: '10' };
    expect(formToInput(SERVICE_FIELDS, form)).toEqual({
      input: { names: { sq: 'Strehim', sr: null, en: null }, categories: ['x'], capacity: 10 },
      problems: {},
      changed: true,
    });
  });

  it('maps a site and its point', () => {
    const loc = { name: 'Zyra', address: null, openingHours: null, accessibility: null, municipality: { code: 'PR' }, point: { lat: 42.66, lng: 21.16 } };
    const initial = locationToForm(loc);
    expect(formPoint(initial)).toEqual({ lat: 42.66, lng: 21.16 });
    const moved = { ...initial, lat: roundCoord(42.6612345678), lng: '21,17' };
    expect(formToInput(LOCATION_FIELDS, moved, initial).input).toEqual({ lat: 42.661235, lng: 21.17 });
    expect(formPoint({ ...initial, lat: '' })).toBeNull();
    expect(formToInput(LOCATION_FIELDS, { ...initial, lat: 'north' }, initial).problems).toEqual({ lat: 'notNumber' });
  });

  it('maps a licence; an emptied end date clears it', () => {
    const lic = { number: 'L-1', authority: 'MPMS', validFrom: '2024-01-01', validUntil: '2026-12-31', documentReference: null, categories: [{ code: 'c' }] };
    const initial = licenceToForm(lic);
    expect(formToInput(LICENCE_FIELDS, { ...initial, validUntil: '' }, initial).input).toEqual({ validUntil: null });
  });
});
