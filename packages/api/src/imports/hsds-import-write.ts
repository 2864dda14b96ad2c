import type { EntityManager } from '@mikro-orm/postgresql';
import { localizedText } from '../core/localized-text';
import { Municipality } from '../geography/municipality.entity';
import { IMPORTED_AUTHOR_PREFIX } from '../hsds/hsds-metadata';
import type { OrganizationBundle } from '../hsds/hsds-records';
import { Location } from '../locations/location.entity';
import { Organization } from '../organizations/organization.entity';
import type { BudgetBand, LegalForm, OrganizationStatus } from '../organizations/organization.enums';
import { Revision, RevisionAction } from '../revisions/revision.entity';
import { ServiceAtLocation } from '../services/service-at-location.entity';
import { Service } from '../services/service.entity';
import type { ServiceFee, ServiceStatus } from '../services/service.enums';
import { ServiceCategory } from '../taxonomy/service-category.entity';
import { TargetGroup } from '../taxonomy/target-group.entity';
import type { User } from '../users/user.entity';

/** The organization as the record states it, its HSDS id, times and demo flag kept. */
function createOrganization(tx: EntityManager, o: OrganizationBundle['organization']): Organization {
  return tx.create(Organization, {
    id: o.id,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    names: localizedText(o.names.sq, o.names.sr, o.names.en),
    acronym: o.acronym,
    descriptions: { sq: o.descriptions.sq, sr: o.descriptions.sr, en: o.descriptions.en },
    legalForm: o.legalForm as LegalForm,
    registrationNumber: o.registrationNumber,
    registrationDate: o.registrationDate,
    publicBenefit: o.publicBenefit,
    website: o.website,
    email: o.email,
    phone: o.phone,
    yearFounded: o.yearFounded,
    staffCount: o.staffCount,
    volunteerCount: o.volunteerCount,
    budgetBand: o.budgetBand as BudgetBand | null,
    fundingPublicPct: o.fundingPublicPct,
    fundingForeignPct: o.fundingForeignPct,
    fundingOwnPct: o.fundingOwnPct,
    fundingOtherPct: o.fundingOtherPct,
    status: o.status as OrganizationStatus,
    isDemo: o.isDemo,
  });
}

/** The sites, by their HSDS id (the service-at-locations name them). */
function createLocations(tx: EntityManager, bundle: OrganizationBundle, organization: Organization): Map<string, Location> {
  const locations = new Map<string, Location>();
  for (const l of bundle.locations) {
    locations.set(
      l.id,
      tx.create(Location, {
        id: l.id,
        createdAt: l.createdAt,
        updatedAt: l.updatedAt,
        organization,
        name: l.name,
        address: l.address,
        municipality: tx.getReference(Municipality, l.municipalityId),
        lat: l.lat,
        lng: l.lng,
        accessibility: l.accessibility,
        openingHours: l.openingHours,
        isDemo: l.isDemo,
      }),
    );
  }
  return locations;
}

/** The services with their categories, target groups and service areas, by their HSDS id. */
function createServices(tx: EntityManager, bundle: OrganizationBundle, organization: Organization): Map<string, Service> {
  const services = new Map<string, Service>();
  for (const s of bundle.services) {
    const service = tx.create(Service, {
      id: s.id,
      createdAt: s.createdAt,
      updatedAt: s.updatedAt,
      organization,
      names: localizedText(s.names.sq, s.names.sr, s.names.en),
      descriptions: { sq: s.descriptions.sq, sr: s.descriptions.sr, en: s.descriptions.en },
      languages: s.languages,
      eligibility: s.eligibility,
      fee: s.fee as ServiceFee | null,
      capacityPerYear: s.capacityPerYear,
      residentialPlaces: s.residentialPlaces,
      status: s.status as ServiceStatus,
      isDemo: s.isDemo,
    });
    service.categories.set(s.categoryIds.map((id) => tx.getReference(ServiceCategory, id)));
    service.targetGroups.set(s.targetGroupIds.map((id) => tx.getReference(TargetGroup, id)));
    service.serviceArea.set(s.areaMunicipalityIds.map((id) => tx.getReference(Municipality, id)));
    services.set(s.id, service);
  }
  return services;
}

/** The record's own change log, then the import itself in the audit log (not part of the HSDS change log: the record's own history is). */
function createHistory(tx: EntityManager, bundle: OrganizationBundle, actor: Pick<User, 'id'> | null): void {
  const o = bundle.organization;
  for (const r of bundle.revisions) {
    tx.create(Revision, {
      id: r.id,
      createdAt: r.createdAt,
      entityType: r.entityType,
      entityId: r.entityId,
      organizationId: o.id,
      author: null,
      action: r.action as RevisionAction,
      changes: r.changes,
      reason: r.authorName ? `${IMPORTED_AUTHOR_PREFIX}${r.authorName}` : null,
    });
  }
  tx.create(Revision, {
    entityType: 'Organization',
    entityId: o.id,
    organizationId: o.id,
    author: actor ? tx.getReference('User', actor.id) : null,
    action: RevisionAction.IMPORT,
    changes: [{ field: 'source', old: null, new: 'HSDS 3.0 import' }],
    reason: 'HSDS 3.0 import',
  } as never);
}

/** One organization with everything it holds, queued in the unit of work (flushed by the caller's batch). */
export function writeBundle(tx: EntityManager, bundle: OrganizationBundle, actor: Pick<User, 'id'> | null): void {
  const organization = createOrganization(tx, bundle.organization);
  const locations = createLocations(tx, bundle, organization);
  const services = createServices(tx, bundle, organization);
  for (const sal of bundle.serviceAtLocations) {
    tx.create(ServiceAtLocation, {
      id: sal.id,
      createdAt: sal.createdAt,
      updatedAt: sal.updatedAt,
      service: services.get(sal.serviceId)!,
      location: locations.get(sal.locationId)!,
    });
  }
  createHistory(tx, bundle, actor);
}
