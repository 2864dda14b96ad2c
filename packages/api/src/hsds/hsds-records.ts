import type { FieldChange } from '../revisions/revision.entity';

/**
 * Plain rows of the registry as the HSDS mapping reads them (loaded by HsdsStore, written by the
 * HSDS import). The mapping between them and HSDS objects is pure: see hsds-mapping.ts.
 */
export interface Texts {
  sq: string | null;
  sr: string | null;
  en: string | null;
}

export interface OrganizationRecord {
  id: string;
  createdAt: Date;
  updatedAt: Date;
  names: Texts & { sq: string };
  acronym: string | null;
  descriptions: Texts;
  legalForm: string;
  registrationNumber: string | null;
  registrationDate: string | null;
  publicBenefit: boolean;
  website: string | null;
  email: string | null;
  phone: string | null;
  yearFounded: number | null;
  staffCount: number | null;
  volunteerCount: number | null;
  budgetBand: string | null;
  fundingPublicPct: number | null;
  fundingForeignPct: number | null;
  fundingOwnPct: number | null;
  fundingOtherPct: number | null;
  status: string;
  isDemo: boolean;
}

export interface ServiceRecord {
  id: string;
  organizationId: string;
  createdAt: Date;
  updatedAt: Date;
  names: Texts & { sq: string };
  descriptions: Texts;
  languages: string[];
  eligibility: string | null;
  fee: string | null;
  capacityPerYear: number | null;
  residentialPlaces: number | null;
  status: string;
  isDemo: boolean;
  categoryIds: string[];
  targetGroupIds: string[];
  areaMunicipalityIds: string[];
}

export interface LocationRecord {
  id: string;
  organizationId: string;
  createdAt: Date;
  updatedAt: Date;
  name: string | null;
  address: string | null;
  municipalityId: string;
  lat: number;
  lng: number;
  accessibility: string | null;
  openingHours: string | null;
  isDemo: boolean;
}

export interface ServiceAtLocationRecord {
  id: string;
  serviceId: string;
  locationId: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface RevisionRecord {
  id: string;
  createdAt: Date;
  entityType: string;
  entityId: string;
  action: string;
  changes: FieldChange[];
  authorName: string | null;
  reason: string | null;
}

/** An organization with everything under it, as one HSDS organization object carries it. */
export interface OrganizationBundle {
  organization: OrganizationRecord;
  services: ServiceRecord[];
  locations: LocationRecord[];
  serviceAtLocations: ServiceAtLocationRecord[];
  /** Revisions of the organization, its services, locations and service-at-locations, oldest first. */
  revisions: RevisionRecord[];
}

export type HsdsObject = Record<string, unknown>;
