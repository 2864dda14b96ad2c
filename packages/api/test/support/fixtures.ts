import { refreshCoverage } from '../../src/coverage/coverage-summary';
import type { EntityManager } from '@mikro-orm/postgresql';
import { localizedText } from '../../src/core/localized-text';
import { Municipality } from '../../src/geography/municipality.entity';
import { Licence } from '../../src/licences/licence.entity';
import { Location } from '../../src/locations/location.entity';
import { Organization } from '../../src/organizations/organization.entity';
import { OrganizationStatus, VerificationStatus } from '../../src/organizations/organization.enums';
import { ServiceAtLocation } from '../../src/services/service-at-location.entity';
import { Service } from '../../src/services/service.entity';
import { ServiceStatus } from '../../src/services/service.enums';
import { ServiceCategory } from '../../src/taxonomy/service-category.entity';
import { TargetGroup } from '../../src/taxonomy/target-group.entity';

export interface SiteSpec {
  municipality: string;
  lat: number;
  lng: number;
}

export interface ServiceSpec {
  name: string;
  categories: string[];
  targetGroups?: string[];
  area?: string[];
  status?: ServiceStatus;
  /** Indexes into the organization's sites where the service is delivered. */
  atSites?: number[];
}

export interface LicenceSpec {
  categories: string[];
  from: string;
  until?: string | null;
}

export interface OrganizationSpec {
  sq: string;
  sr?: string;
  en?: string;
  acronym?: string;
  verified?: boolean;
  status?: OrganizationStatus;
  isDemo?: boolean;
  sites?: SiteSpec[];
  services?: ServiceSpec[];
  licences?: LicenceSpec[];
}

/** Builds registry records from compact specs, through the ORM, in one transaction per call. */
export async function createOrganizations(em: EntityManager, specs: OrganizationSpec[]): Promise<Organization[]> {
  return em.transactional(async (tx) => {
    const byCode = async <T extends object>(entity: new () => T, codes: string[]) => {
      const found = await tx.find(entity as any, { code: { $in: codes } } as any);
      const map = new Map(found.map((f: any) => [f.code, f]));
      return codes.map((code) => {
        const item = map.get(code);
        if (!item) throw new Error(`fixture: unknown ${entity.name} ${code}`);
        return item as T;
      });
    };
    const organizations: Organization[] = [];
    for (const spec of specs) {
      const organization = tx.create(Organization, {
        names: localizedText(spec.sq, spec.sr, spec.en),
        acronym: spec.acronym ?? null,
        status: spec.status ?? OrganizationStatus.ACTIVE,
        verificationStatus: spec.verified === false ? VerificationStatus.UNVERIFIED : VerificationStatus.VERIFIED,
        verifiedAt: spec.verified === false ? null : new Date('2026-01-15T10:00:00Z'),
        isDemo: spec.isDemo ?? false,
      });
      const sites: Location[] = [];
      for (const site of spec.sites ?? []) {
        const [municipality] = await byCode(Municipality, [site.municipality]);
        sites.push(tx.create(Location, { organization, municipality, lat: site.lat, lng: site.lng, name: `${spec.sq} – ${site.municipality}` }));
      }
      for (const s of spec.services ?? []) {
        const service = tx.create(Service, { organization, names: localizedText(s.name), status: s.status ?? ServiceStatus.ACTIVE });
        service.categories.set(await byCode(ServiceCategory, s.categories));
        service.targetGroups.set(await byCode(TargetGroup, s.targetGroups ?? []));
        service.serviceArea.set(await byCode(Municipality, s.area ?? []));
        for (const index of s.atSites ?? []) tx.create(ServiceAtLocation, { service, location: sites[index] });
      }
      for (const l of spec.licences ?? []) {
        const licence = tx.create(Licence, {
          organization,
          issuingAuthority: 'Ministria e Drejtësisë',
          number: `LIC-TEST-${organizations.length}-${l.from}`,
          validFrom: l.from,
          validUntil: l.until ?? null,
        });
        licence.categories.set(await byCode(ServiceCategory, l.categories));
      }
      organizations.push(organization);
    }
    // Like every write path, the fixture keeps the coverage summary current in its transaction.
    await tx.flush();
    await refreshCoverage(tx, organizations.map((o) => o.id));
    return organizations;
  });
}
