import type { Municipality } from '../geography/municipality.entity';
import { derivedId } from './hsds-ids';
import type {
  HsdsObject,
  LocationRecord,
  OrganizationBundle,
  OrganizationRecord,
  RevisionRecord,
  ServiceAtLocationRecord,
  ServiceRecord,
} from './hsds-records';
import { compact, type HsdsVocabulary, recordTermId, TAXONOMIES } from './hsds-vocabulary';
import {
  DEMO_NOTE,
  FEE_DESCRIPTIONS,
  FUNDING_SOURCES,
  HSDS_COUNTRY,
  isHsdsEmail,
  isHsdsUrl,
  iso,
  LANGUAGE_NAMES,
  metadataEntries,
  MUNICIPALITY_URN,
  type ResourceType,
  revisionsByEntity,
} from './hsds-metadata';

/**
 * civimap rows to HSDS 3.0 objects. Pure and deterministic: keys in a fixed order, arrays sorted,
 * every id either a civimap id or derived from one, no "now" anywhere. The HSDS import (see
 * hsds-parse.ts) reads back exactly what this writes.
 */


export interface ServiceContext {
  organization?: OrganizationRecord;
  serviceAtLocations: ServiceAtLocationRecord[];
  locationsById: Map<string, LocationRecord>;
  revisions: Map<string, RevisionRecord[]>;
  /** Nest the full location in each service_at_location (standalone services); inside an organization they are in its `locations`. */
  nestLocations: boolean;
}

export class HsdsMapper {
  constructor(readonly vocabulary: HsdsVocabulary) {}

  private municipality(id: string): Municipality {
    const municipality = this.vocabulary.catalog.municipalitiesById.get(id);
    if (!municipality) throw new Error(`HSDS mapping: unknown municipality ${id}`);
    return municipality;
  }

  private attribute(linkId: string, linkEntity: ResourceType, term: HsdsObject, value: string | null): HsdsObject {
    return compact({
      id: derivedId(linkId, `attribute:${term.taxonomy as string}:${term.code as string}`),
      link_id: linkId,
      taxonomy_term_id: term.id,
      link_type: term.taxonomy,
      link_entity: linkEntity,
      value,
      taxonomy_term: term,
    });
  }

  private recordAttributes(linkId: string, linkEntity: ResourceType, values: [string, string | number | null | undefined][]): HsdsObject[] {
    const out: HsdsObject[] = [];
    for (const [code, value] of values) {
      if (value === null || value === undefined) continue;
      const term = this.vocabulary.recordTerms.get(code);
      if (!term) throw new Error(`HSDS mapping: unknown record term ${code}`);
      // link_type names the field; the nested taxonomy_term repeats the term, as HSDS 3.0's attribute schema has it.
      out.push({
        id: derivedId(linkId, `attribute:civimap-record:${code}`),
        link_id: linkId,
        taxonomy_term_id: recordTermId(code),
        link_type: code,
        link_entity: linkEntity,
        value: String(value),
        taxonomy_term: this.vocabulary.recordTerm(term),
      });
    }
    return out;
  }

  /** The one-to-one fields of an organization (organization_list.json). */
  organizationBasic(o: OrganizationRecord): HsdsObject {
    const description = o.descriptions.sq ?? '';
    return compact({
      id: o.id,
      name: o.names.sq,
      alternate_name: o.acronym || null,
      description: o.isDemo ? (description ? `${description} ${DEMO_NOTE}` : DEMO_NOTE) : description,
      email: o.email && isHsdsEmail(o.email) ? o.email : null,
      website: o.website && isHsdsUrl(o.website) ? o.website : null,
      year_incorporated: o.yearFounded,
      legal_status: o.legalForm.toLowerCase(),
    });
  }

  organizationAttributes(o: OrganizationRecord): HsdsObject[] {
    return this.recordAttributes(o.id, 'organization', [
      ['demo', o.isDemo ? 'true' : null],
      ['name-sr', o.names.sr],
      ['name-en', o.names.en],
      ['description-sr', o.descriptions.sr],
      ['description-en', o.descriptions.en],
      ['organization-status', o.status.toLowerCase()],
      ['public-benefit', o.publicBenefit ? 'true' : null],
      ['registration-date', o.registrationDate],
      ['staff-count', o.staffCount],
      ['volunteer-count', o.volunteerCount],
      ['budget-band', o.budgetBand],
    ]);
  }

  /** A full organization (organization.json): locations, identifiers, funding, attributes, change log and services. */
  organizationFull(bundle: OrganizationBundle, options: { fullServices: boolean }): HsdsObject {
    const o = bundle.organization;
    const revisions = revisionsByEntity(bundle.revisions);
    const locations = [...bundle.locations].sort(byId);
    const locationsById = new Map(locations.map((l) => [l.id, l]));
    const services = [...bundle.services].sort(byId);
    const basic = this.organizationBasic(o);
    const funding = FUNDING_SOURCES.flatMap(({ key, label, field }) =>
      o[field] === null || o[field] === undefined ? [] : [{ id: derivedId(o.id, `funding:${key}`), organization_id: o.id, source: `${label}: ${o[field]}%` }],
    );
    const attributes = this.organizationAttributes(o);
    return compact({
      ...basic,
      funding: funding.length ? funding : null,
      phones: o.phone ? [{ id: derivedId(o.id, 'phone'), organization_id: o.id, number: o.phone }] : null,
      locations: locations.map((l) => this.location(l, revisions.get(l.id) ?? [])),
      organization_identifiers: o.registrationNumber
        ? [{ id: derivedId(o.id, 'identifier:ngo-registration'), organization_id: o.id, identifier_type: 'NGO registration number (Kosovo)', identifier: o.registrationNumber }]
        : null,
      attributes: attributes.length ? attributes : null,
      metadata: metadataEntries('organization', o.id, o.createdAt, revisions.get(o.id) ?? []),
      services: services.map((s) =>
        options.fullServices
          ? this.serviceFull(s, {
              serviceAtLocations: bundle.serviceAtLocations.filter((sal) => sal.serviceId === s.id),
              locationsById,
              revisions,
              nestLocations: false,
            })
          : this.serviceBasic(s),
      ),
    });
  }

  /** The one-to-one fields of a service (service_list.json), without its organization. */
  serviceBasic(s: ServiceRecord): HsdsObject {
    return compact({
      id: s.id,
      organization_id: s.organizationId,
      name: s.names.sq,
      description: s.descriptions.sq,
      status: s.status.toLowerCase(),
      fees_description: s.fee ? FEE_DESCRIPTIONS[s.fee] : null,
      eligibility_description: s.eligibility,
      last_modified: iso(s.updatedAt),
    });
  }

  serviceAttributes(s: ServiceRecord): HsdsObject[] {
    const catalog = this.vocabulary.catalog;
    const categories = s.categoryIds
      .map((id) => catalog.categoriesById.get(id))
      .filter((c) => c !== undefined)
      .sort(byPositionThenCode);
    const groups = s.targetGroupIds
      .map((id) => catalog.targetGroupsById.get(id))
      .filter((g) => g !== undefined)
      .sort(byPositionThenCode);
    return [
      ...categories.map((c) => this.attribute(s.id, 'service', this.vocabulary.categoryTerm(c), null)),
      ...groups.map((g) => this.attribute(s.id, 'service', this.vocabulary.targetGroupTerm(g), null)),
      ...this.recordAttributes(s.id, 'service', [
        ['demo', s.isDemo ? 'true' : null],
        ['name-sr', s.names.sr],
        ['name-en', s.names.en],
        ['description-sr', s.descriptions.sr],
        ['description-en', s.descriptions.en],
        ['capacity-per-year', s.capacityPerYear],
        ['residential-places', s.residentialPlaces],
      ]),
    ];
  }

  serviceAreas(s: ServiceRecord): HsdsObject[] {
    return s.areaMunicipalityIds
      .map((id) => this.municipality(id))
      .sort(byCode)
      .map((m) => ({ id: derivedId(s.id, `service-area:${m.code}`), service_id: s.id, name: m.names.sq, uri: `${MUNICIPALITY_URN}${m.code}` }));
  }

  serviceLanguages(s: ServiceRecord): HsdsObject[] {
    return s.languages.map((code) => ({ id: derivedId(s.id, `language:${code}`), service_id: s.id, name: LANGUAGE_NAMES[code] ?? code, code }));
  }

  /** A full service (service.json). */
  serviceFull(s: ServiceRecord, context: ServiceContext): HsdsObject {
    const basic = this.serviceBasic(s);
    const sals = [...context.serviceAtLocations].sort(byId);
    const attributes = this.serviceAttributes(s);
    const areas = this.serviceAreas(s);
    const languages = this.serviceLanguages(s);
    return compact({
      ...basic,
      service_areas: areas.length ? areas : null,
      service_at_locations: sals.map((sal) => {
        const location = context.locationsById.get(sal.locationId);
        return compact({
          id: sal.id,
          service_id: sal.serviceId,
          location_id: sal.locationId,
          location: context.nestLocations && location ? this.location(location, context.revisions.get(location.id) ?? []) : null,
          metadata: metadataEntries('service_at_location', sal.id, sal.createdAt, context.revisions.get(sal.id) ?? []),
        });
      }),
      languages: languages.length ? languages : null,
      organization: context.organization ? this.organizationBasic(context.organization) : null,
      attributes: attributes.length ? attributes : null,
      metadata: metadataEntries('service', s.id, s.createdAt, context.revisions.get(s.id) ?? []),
    });
  }

  /** The one-to-one fields of a location. */
  locationBasic(l: LocationRecord): HsdsObject {
    return compact({
      id: l.id,
      location_type: 'physical',
      organization_id: l.organizationId,
      name: l.name,
      latitude: l.lat,
      longitude: l.lng,
    });
  }

  /** A full location: its address (the municipality as the city, the region as the state/province), accessibility, opening hours. */
  location(l: LocationRecord, revisions: RevisionRecord[]): HsdsObject {
    const municipality = this.municipality(l.municipalityId);
    const region = this.vocabulary.catalog.regionOf(municipality);
    const attributes = this.recordAttributes(l.id, 'location', [['demo', l.isDemo ? 'true' : null]]);
    return compact({
      ...this.locationBasic(l),
      addresses: [
        {
          id: derivedId(l.id, 'address'),
          location_id: l.id,
          address_1: l.address ?? '',
          city: municipality.names.sq,
          state_province: region.names.sq,
          postal_code: '',
          country: HSDS_COUNTRY,
          address_type: 'physical',
        },
      ],
      accessibility: l.accessibility ? [{ id: derivedId(l.id, 'accessibility'), location_id: l.id, description: l.accessibility }] : null,
      schedules: l.openingHours ? [{ id: derivedId(l.id, 'schedule'), location_id: l.id, description: l.openingHours }] : null,
      attributes: attributes.length ? attributes : null,
      metadata: metadataEntries('location', l.id, l.createdAt, revisions),
    });
  }

  /** A service_at_location as the list shows it (service_at_location_list.json). */
  serviceAtLocationBasic(sal: ServiceAtLocationRecord, service: ServiceRecord, location: LocationRecord, organization: OrganizationRecord): HsdsObject {
    return {
      id: sal.id,
      service_id: sal.serviceId,
      location_id: sal.locationId,
      location: this.locationBasic(location),
      service: { ...this.serviceBasic(service), organization: this.organizationBasic(organization) },
    };
  }

  /** A full service_at_location (service_at_location.json): the location and the service in full. */
  serviceAtLocationFull(
    sal: ServiceAtLocationRecord,
    service: ServiceRecord,
    location: LocationRecord,
    organization: OrganizationRecord,
    revisions: Map<string, RevisionRecord[]>,
  ): HsdsObject {
    const fullService = this.serviceFull(service, { organization, serviceAtLocations: [], locationsById: new Map(), revisions, nestLocations: false });
    delete fullService.service_at_locations;
    return {
      id: sal.id,
      service_id: sal.serviceId,
      location_id: sal.locationId,
      location: this.location(location, revisions.get(location.id) ?? []),
      metadata: metadataEntries('service_at_location', sal.id, sal.createdAt, revisions.get(sal.id) ?? []),
      service: fullService,
    };
  }
}

/** The order of a service's category and target-group attributes. */
export const byPositionThenCode = (a: { position: number; code: string }, b: { position: number; code: string }) => a.position - b.position || a.code.localeCompare(b.code);
/** The order of a service's areas (municipalities). */
export const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);

export function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export { TAXONOMIES };
