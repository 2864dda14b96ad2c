/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AuthorityKind =
  | 'MINISTRY'
  | 'MUNICIPALITY'
  | 'OTHER';

/** A box in WGS84 degrees. */
export type BBoxInput = {
  maxLat: number;
  maxLng: number;
  minLat: number;
  minLng: number;
};

/** Annual budget band in EUR. */
export type BudgetBand =
  | 'FROM_10K_TO_50K'
  | 'FROM_50K_TO_100K'
  | 'FROM_100K_TO_500K'
  | 'OVER_500K'
  | 'UNDER_10K';

export type ClaimStatus =
  | 'APPROVED'
  | 'PENDING'
  | 'REJECTED';

/** Filters combine with AND; values in a list with OR. */
export type ContractFilter = {
  /** Public authority codes. */
  authorities?: Array<string> | null | undefined;
  /** Category codes; a parent matches its children. */
  categories?: Array<string> | null | undefined;
  /** Include demo records (default true). */
  includeDemo?: boolean | null | undefined;
  modalities?: Array<ContractModality> | null | undefined;
  /** Municipality codes (see ContractTotal for how a contract is placed). */
  municipalities?: Array<string> | null | undefined;
  /** Provider organization ids. */
  providers?: Array<string> | null | undefined;
  status?: Array<ContractStatus> | null | undefined;
  /** Years of the award date. */
  years?: Array<number> | null | undefined;
};

export type ContractModality =
  | 'GRANT'
  | 'OTHER'
  | 'PUBLIC_PROCUREMENT'
  /** Service contract under the social and family services framework. */
  | 'SOCIAL_SERVICES_CONTRACT'
  | 'SUBSIDY';

export type ContractStatus =
  | 'ACTIVE'
  | 'CANCELLED'
  | 'COMPLETED'
  | 'PLANNED';

/** MUNICIPALITY places a contract in its authority's municipality, or for ministries in the municipality of the provider's first site. CATEGORY counts a contract once in each of its categories, so category totals may exceed the grand total. */
export type ContractTotalDimension =
  | 'AUTHORITY'
  | 'CATEGORY'
  | 'MUNICIPALITY'
  | 'YEAR';

/** Contractable for a category in a municipality on a date (default today): active and verified, with an active service in the category (or below it) that serves the municipality or is delivered at a site there, and a licence valid on the date covering that service's category or its parent. */
export type ContractableInput = {
  category: string;
  municipality: string;
  on?: string | null | undefined;
};

/** Contractable for a category within a radius of a point on a date (default today): as ContractableInput, with the qualifying service delivered at a site within the radius instead of serving a municipality. */
export type ContractableNearInput = {
  category: string;
  near: NearInput;
  on?: string | null | undefined;
};

/** Which cells a coverage report holds and which services count. */
export type CoverageFilter = {
  /** Category codes (each counts its subtree); default every category. */
  categories?: Array<string> | null | undefined;
  /** Count demo records (default true). */
  includeDemo?: boolean | null | undefined;
  /** Region codes; default every municipality. */
  regions?: Array<string> | null | undefined;
  /** Only services for one of these target groups count. */
  targetGroups?: Array<string> | null | undefined;
};

export type CreateLicenceInput = {
  /** The issuing authority. Required when creating. */
  authority?: string | null | undefined;
  /** Category codes covered; at least one. */
  categories?: Array<string> | null | undefined;
  documentReference?: string | null | undefined;
  /** Required when creating. */
  number?: string | null | undefined;
  organizationId: string;
  /** YYYY-MM-DD. Required when creating. */
  validFrom?: string | null | undefined;
  /** YYYY-MM-DD, on or after validFrom; empty for open-ended. */
  validUntil?: string | null | undefined;
};

export type CreateLocationInput = {
  accessibility?: string | null | undefined;
  address?: string | null | undefined;
  /** Required when creating. */
  lat?: number | null | undefined;
  /** Required when creating. */
  lng?: number | null | undefined;
  /** Municipality code; the point must lie in it. Required when creating. */
  municipality?: string | null | undefined;
  name?: string | null | undefined;
  openingHours?: string | null | undefined;
  organizationId: string;
};

/** A new organization: it starts unverified and its creator becomes its owner. */
export type CreateOrganizationInput = {
  acronym?: string | null | undefined;
  budgetBand?: BudgetBand | null | undefined;
  descriptions?: OptionalLocalizedTextInput | null | undefined;
  email?: string | null | undefined;
  fundingMix?: FundingMixInput | null | undefined;
  legalForm?: LegalForm | null | undefined;
  /** Required when creating. */
  names?: LocalizedTextInput | null | undefined;
  phone?: string | null | undefined;
  publicBenefit?: boolean | null | undefined;
  /** YYYY-MM-DD. */
  registrationDate?: string | null | undefined;
  registrationNumber?: string | null | undefined;
  /** http or https addresses, at most 10. */
  socialLinks?: Array<string> | null | undefined;
  staffCount?: number | null | undefined;
  status?: OrganizationStatus | null | undefined;
  volunteerCount?: number | null | undefined;
  /** http or https only. */
  website?: string | null | undefined;
  yearFounded?: number | null | undefined;
};

export type CreateServiceInput = {
  /** Beneficiaries per year. */
  capacity?: number | null | undefined;
  /** Service category codes; at least one. */
  categories?: Array<string> | null | undefined;
  descriptions?: OptionalLocalizedTextInput | null | undefined;
  eligibility?: string | null | undefined;
  fee?: ServiceFee | null | undefined;
  /** ISO 639-1 codes, e.g. sq, sr, en, tr, rom. */
  languages?: Array<string> | null | undefined;
  /** Ids of the organization's sites where the service is delivered. */
  locationIds?: Array<string> | null | undefined;
  /** Required when creating. */
  names?: LocalizedTextInput | null | undefined;
  organizationId: string;
  residentialPlaces?: number | null | undefined;
  /** Codes of the municipalities served. */
  serviceArea?: Array<string> | null | undefined;
  status?: ServiceStatus | null | undefined;
  /** Target group codes. */
  targetGroups?: Array<string> | null | undefined;
};

export type CreateShortlistInput = {
  /** In order. */
  entries?: Array<ShortlistEntryInput> | null | undefined;
  name: string;
  notes?: string | null | undefined;
};

/** Shares of the annual budget in percent, 0 to 100; when any is given they must add up to 100. */
export type FundingMixInput = {
  foreignDonors?: number | null | undefined;
  other?: number | null | undefined;
  ownRevenue?: number | null | undefined;
  publicSources?: number | null | undefined;
};

export type InviteMemberInput = {
  email: string;
  organizationId: string;
  role?: MembershipRole;
};

/** Albanian (default), Serbian, English. */
export type Language =
  | 'EN'
  | 'SQ'
  | 'SR';

export type LegalForm =
  | 'ASSOCIATION'
  | 'FOUNDATION'
  | 'OTHER';

/** Holds a licence valid on a date (default today) covering the category, an ancestor of it or a category below it. */
export type LicensedForInput = {
  category: string;
  on?: string | null | undefined;
};

/** Text per language; Albanian (sq) is required. */
export type LocalizedTextInput = {
  en?: string | null | undefined;
  sq: string;
  sr?: string | null | undefined;
};

export type MembershipRole =
  | 'EDITOR'
  | 'OWNER';

/** Sites within radiusKm of a point; edges then carry distanceKm. */
export type NearInput = {
  lat: number;
  lng: number;
  /** Radius in kilometres (more than 0, at most 500). */
  radiusKm: number;
};

/** Optional text per language (at most 10,000 characters each). */
export type OptionalLocalizedTextInput = {
  en?: string | null | undefined;
  sq?: string | null | undefined;
  sr?: string | null | undefined;
};

/** Filters combine with AND; the values inside one list combine with OR. */
export type OrganizationFilter = {
  /** A site inside the box. */
  bbox?: BBoxInput | null | undefined;
  /** Category codes; a parent category matches its children. An active service must be in one. */
  categories?: Array<string> | null | undefined;
  contractableFor?: ContractableInput | null | undefined;
  contractableNear?: ContractableNearInput | null | undefined;
  /** Include fictional demo records (default true; every demo record says isDemo). */
  includeDemo?: boolean | null | undefined;
  licensedFor?: LicensedForInput | null | undefined;
  /** Municipality codes: a site there, or an active service whose area includes it. */
  municipalities?: Array<string> | null | undefined;
  near?: NearInput | null | undefined;
  /** Region codes: a site in the region, or an active service whose area includes a municipality of it. */
  regions?: Array<string> | null | undefined;
  status?: Array<OrganizationStatus> | null | undefined;
  /** Target group codes. With categories, the same active service must match both. */
  targetGroups?: Array<string> | null | undefined;
  /** Words to find in the names (sq, sr, en) and acronym; case- and diacritics-insensitive; every word must match. */
  text?: string | null | undefined;
  verified?: boolean | null | undefined;
};

/** NAME (default), DISTANCE (needs filter.near; the default with it), UPDATED_AT (newest first). */
export type OrganizationOrder =
  | 'DISTANCE'
  | 'NAME'
  | 'UPDATED_AT';

export type OrganizationStatus =
  | 'ACTIVE'
  | 'CLOSED'
  | 'INACTIVE';

/** A contract or grant an authority awarded. Officers record them for their own authority. */
export type RecordContractInput = {
  /** Amount in EUR. */
  amount?: number | null | undefined;
  /** Public authority code (publicAuthorities lists them). */
  authority: string;
  awardDate?: string | null | undefined;
  /** Service category codes (at least one). */
  categories: Array<string>;
  endDate?: string | null | undefined;
  modality: ContractModality;
  /** The provider organization id. */
  provider: string;
  reference?: string | null | undefined;
  startDate?: string | null | undefined;
  /** Default ACTIVE. */
  status?: ContractStatus | null | undefined;
  title?: string | null | undefined;
  /** http(s) link to the contract or its notice. */
  url?: string | null | undefined;
};

export type RegisterInput = {
  displayName: string;
  email: string;
  /** At least 12 characters, not all of one kind, not your email. */
  password: string;
};

export type RevisionAction =
  | 'CLAIM_DECISION'
  | 'CONFIRM'
  | 'CREATE'
  | 'DELETE'
  | 'IMPORT'
  | 'REVERT'
  | 'UPDATE'
  | 'VERIFY';

export type ServiceFee =
  | 'FEE'
  | 'FREE'
  | 'SLIDING_SCALE';

export type ServiceStatus =
  | 'ACTIVE'
  | 'INACTIVE';

export type ShortlistEntryInput = {
  note?: string | null | undefined;
  organization: string;
};

export type SignInInput = {
  email: string;
  password: string;
};

export type UpdateLicenceInput = {
  /** The issuing authority. Required when creating. */
  authority?: string | null | undefined;
  /** Category codes covered; at least one. */
  categories?: Array<string> | null | undefined;
  documentReference?: string | null | undefined;
  id: string;
  /** Required when creating. */
  number?: string | null | undefined;
  /** YYYY-MM-DD. Required when creating. */
  validFrom?: string | null | undefined;
  /** YYYY-MM-DD, on or after validFrom; empty for open-ended. */
  validUntil?: string | null | undefined;
  version: number;
};

export type UpdateLocationInput = {
  accessibility?: string | null | undefined;
  address?: string | null | undefined;
  id: string;
  /** Required when creating. */
  lat?: number | null | undefined;
  /** Required when creating. */
  lng?: number | null | undefined;
  /** Municipality code; the point must lie in it. Required when creating. */
  municipality?: string | null | undefined;
  name?: string | null | undefined;
  openingHours?: string | null | undefined;
  version: number;
};

export type UpdateOrganizationInput = {
  acronym?: string | null | undefined;
  budgetBand?: BudgetBand | null | undefined;
  descriptions?: OptionalLocalizedTextInput | null | undefined;
  email?: string | null | undefined;
  fundingMix?: FundingMixInput | null | undefined;
  id: string;
  legalForm?: LegalForm | null | undefined;
  /** Required when creating. */
  names?: LocalizedTextInput | null | undefined;
  phone?: string | null | undefined;
  publicBenefit?: boolean | null | undefined;
  /** YYYY-MM-DD. */
  registrationDate?: string | null | undefined;
  registrationNumber?: string | null | undefined;
  /** http or https addresses, at most 10. */
  socialLinks?: Array<string> | null | undefined;
  staffCount?: number | null | undefined;
  status?: OrganizationStatus | null | undefined;
  /** The version you loaded: a stale one fails with STALE_VERSION. */
  version: number;
  volunteerCount?: number | null | undefined;
  /** http or https only. */
  website?: string | null | undefined;
  yearFounded?: number | null | undefined;
};

export type UpdateServiceInput = {
  /** Beneficiaries per year. */
  capacity?: number | null | undefined;
  /** Service category codes; at least one. */
  categories?: Array<string> | null | undefined;
  descriptions?: OptionalLocalizedTextInput | null | undefined;
  eligibility?: string | null | undefined;
  fee?: ServiceFee | null | undefined;
  id: string;
  /** ISO 639-1 codes, e.g. sq, sr, en, tr, rom. */
  languages?: Array<string> | null | undefined;
  /** Ids of the organization's sites where the service is delivered. */
  locationIds?: Array<string> | null | undefined;
  /** Required when creating. */
  names?: LocalizedTextInput | null | undefined;
  residentialPlaces?: number | null | undefined;
  /** Codes of the municipalities served. */
  serviceArea?: Array<string> | null | undefined;
  status?: ServiceStatus | null | undefined;
  /** Target group codes. */
  targetGroups?: Array<string> | null | undefined;
  version: number;
};

/** Rename, annotate or change the organizations; absent fields stay. entries replaces the whole list. */
export type UpdateShortlistInput = {
  entries?: Array<ShortlistEntryInput> | null | undefined;
  id: string;
  name?: string | null | undefined;
  notes?: string | null | undefined;
  version: number;
};

export type UserErrorCode =
  | 'FORBIDDEN'
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'RATE_LIMITED'
  | 'STALE_VERSION'
  | 'UNAUTHENTICATED';

export type UserRole =
  | 'ADMIN'
  | 'AUTHORITY_OFFICER'
  | 'EDITOR'
  | 'MODERATOR';

export type VerificationQueueItemKind =
  /** An unverified licence of an organization that is still verified (e.g. imported). */
  | 'CHANGED_LICENCE'
  /** Verified before; a change of its registration fields or licences unverified it. */
  | 'CHANGED_ORGANIZATION'
  /** An organization never verified. */
  | 'NEW_ORGANIZATION'
  /** A claim to decide. */
  | 'PENDING_CLAIM';

export type VerificationStatus =
  | 'UNVERIFIED'
  | 'VERIFIED';

export type MyOrganizationsQueryVariables = Exact<{
  lang: Language;
}>;


export type MyOrganizationsQuery = { me: { id: string, displayName: string, email: string | null, role: UserRole, memberships: Array<{ id: string, role: MembershipRole, organization: { id: string, name: string, status: OrganizationStatus, verification: { status: VerificationStatus, verifiedAt: string | null } } }>, claims: Array<{ id: string, status: ClaimStatus, createdAt: string, decidedAt: string | null, reason: string | null, organization: { id: string, name: string } }> } | null };

export type RegisterMutationVariables = Exact<{
  input: RegisterInput;
}>;


export type RegisterMutation = { register: { user: { id: string, displayName: string } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type SignInMutationVariables = Exact<{
  input: SignInInput;
}>;


export type SignInMutation = { signIn: { user: { id: string, displayName: string } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type SignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutMutation = { signOut: { ok: boolean, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type RequestPasswordResetMutationVariables = Exact<{
  email: string;
}>;


export type RequestPasswordResetMutation = { requestPasswordReset: { ok: boolean, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type ResetPasswordMutationVariables = Exact<{
  token: string;
  newPassword: string;
}>;


export type ResetPasswordMutation = { resetPassword: { ok: boolean, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type AcceptInvitationMutationVariables = Exact<{
  token: string;
}>;


export type AcceptInvitationMutation = { acceptInvitation: { membership: { id: string, organization: { id: string } } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type CreateOrganizationMutationVariables = Exact<{
  input: CreateOrganizationInput;
}>;


export type CreateOrganizationMutation = { createOrganization: { organization: { id: string } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type ChangePasswordMutationVariables = Exact<{
  currentPassword: string;
  newPassword: string;
}>;


export type ChangePasswordMutation = { changePassword: { ok: boolean, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type ContractsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  filter?: ContractFilter | null | undefined;
  lang: Language;
}>;


export type ContractsQuery = { contracts: { totalCount: number, totalAmount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, reference: string | null, title: string | null, amount: number | null, currency: string, modality: ContractModality, status: ContractStatus, awardDate: string | null, startDate: string | null, endDate: string | null, isDemo: boolean, authority: { code: string, name: string }, provider: { id: string, name: string }, categories: Array<{ code: string, name: string }> } }> } };

export type ContractTotalsQueryVariables = Exact<{
  by: ContractTotalDimension;
  filter?: ContractFilter | null | undefined;
  lang: Language;
}>;


export type ContractTotalsQuery = { contractTotals: Array<{ key: string, label: string, contracts: number, amount: number }> };

export type PublicAuthoritiesQueryVariables = Exact<{
  lang: Language;
}>;


export type PublicAuthoritiesQuery = { publicAuthorities: Array<{ code: string, kind: AuthorityKind, name: string }> };

export type CoverageQueryVariables = Exact<{
  filter?: CoverageFilter | null | undefined;
  lang: Language;
}>;


export type CoverageQuery = { coverage: { generatedAt: string, cells: Array<{ providers: number, sites: number, providersPer10k: number, nearestSiteKm: number | null, municipality: { code: string, name: string, population: number, region: { code: string, name: string }, seat: { lat: number, lng: number } }, category: { code: string } }>, gaps: Array<{ municipality: { code: string }, category: { code: string } }> } };

export type OrganizationEditorQueryVariables = Exact<{
  id: string;
  lang: Language;
}>;


export type OrganizationEditorQuery = { organization: { id: string, version: number, name: string, acronym: string | null, legalForm: LegalForm, registrationNumber: string | null, registrationDate: string | null, website: string | null, email: string | null, phone: string | null, yearFounded: number | null, staffCount: number | null, volunteerCount: number | null, status: OrganizationStatus, isDemo: boolean, lastConfirmedAt: string | null, names: { sq: string, sr: string | null, en: string | null }, descriptions: { sq: string | null, sr: string | null, en: string | null }, verification: { status: VerificationStatus, verifiedAt: string | null }, viewerPermissions: { edit: boolean, invite: boolean, revert: boolean, membership: MembershipRole | null }, members: Array<{ id: string, role: MembershipRole, user: { id: string, displayName: string } }>, services: Array<{ id: string, version: number, name: string, status: ServiceStatus, capacity: number | null, residentialPlaces: number | null, fee: ServiceFee | null, languages: Array<string>, eligibility: string | null, names: { sq: string, sr: string | null, en: string | null }, descriptions: { sq: string | null, sr: string | null, en: string | null }, categories: Array<{ code: string }>, targetGroups: Array<{ code: string }>, serviceArea: Array<{ code: string }>, locations: Array<{ id: string }> }>, locations: Array<{ id: string, version: number, name: string | null, address: string | null, openingHours: string | null, accessibility: string | null, municipality: { code: string, name: string }, point: { lat: number, lng: number } }>, licences: Array<{ id: string, version: number, number: string, authority: string, documentReference: string | null, validFrom: string, validUntil: string | null, categories: Array<{ code: string }>, verification: { status: VerificationStatus } }> } | null };

export type UpdateOrganizationMutationVariables = Exact<{
  input: UpdateOrganizationInput;
}>;


export type UpdateOrganizationMutation = { updateOrganization: { organization: { id: string, version: number } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type ConfirmCurrentMutationVariables = Exact<{
  id: string;
  version: number;
}>;


export type ConfirmCurrentMutation = { confirmOrganizationCurrent: { organization: { id: string, version: number, lastConfirmedAt: string | null } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type CreateServiceMutationVariables = Exact<{
  input: CreateServiceInput;
}>;


export type CreateServiceMutation = { createService: { service: { id: string, version: number } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type UpdateServiceMutationVariables = Exact<{
  input: UpdateServiceInput;
}>;


export type UpdateServiceMutation = { updateService: { service: { id: string, version: number } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type DeleteServiceMutationVariables = Exact<{
  id: string;
  version: number;
}>;


export type DeleteServiceMutation = { deleteService: { deletedServiceId: string | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type CreateLocationMutationVariables = Exact<{
  input: CreateLocationInput;
}>;


export type CreateLocationMutation = { createLocation: { location: { id: string, version: number } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type UpdateLocationMutationVariables = Exact<{
  input: UpdateLocationInput;
}>;


export type UpdateLocationMutation = { updateLocation: { location: { id: string, version: number } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type DeleteLocationMutationVariables = Exact<{
  id: string;
  version: number;
}>;


export type DeleteLocationMutation = { deleteLocation: { deletedLocationId: string | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type CreateLicenceMutationVariables = Exact<{
  input: CreateLicenceInput;
}>;


export type CreateLicenceMutation = { createLicence: { licence: { id: string, version: number } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type UpdateLicenceMutationVariables = Exact<{
  input: UpdateLicenceInput;
}>;


export type UpdateLicenceMutation = { updateLicence: { licence: { id: string, version: number } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type InviteMemberMutationVariables = Exact<{
  input: InviteMemberInput;
}>;


export type InviteMemberMutation = { inviteMember: { userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type OrganizationHistoryQueryVariables = Exact<{
  id: string;
  first: number;
  after?: string | null | undefined;
  lang: Language;
}>;


export type OrganizationHistoryQuery = { organization: { id: string, name: string, viewerPermissions: { revert: boolean }, services: Array<{ id: string, name: string }>, locations: Array<{ id: string, name: string | null, address: string | null, municipality: { name: string } }>, licences: Array<{ id: string, number: string }> } | null, organizationHistory: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, action: RevisionAction, entityType: string, entityId: string, createdAt: string, reason: string | null, author: { displayName: string } | null, changes: Array<{ field: string, old: unknown, new: unknown }> } }> } };

export type RevertRevisionMutationVariables = Exact<{
  revisionId: string;
  reason?: string | null | undefined;
}>;


export type RevertRevisionMutation = { revertRevision: { revision: { id: string } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type RemoveMemberMutationVariables = Exact<{
  organizationId: string;
  userId: string;
}>;


export type RemoveMemberMutation = { removeMember: { removedMembershipId: string | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type MapPointsQueryVariables = Exact<{
  filter?: OrganizationFilter | null | undefined;
  lang: Language;
}>;


export type MapPointsQuery = { mapPoints: Array<{ locationId: string, organizationId: string, name: string, lat: number, lng: number, categoryCodes: Array<string>, verified: boolean, isDemo: boolean }> };

export type OrganizationListQueryVariables = Exact<{
  filter?: OrganizationFilter | null | undefined;
  first: number;
  after?: string | null | undefined;
  lang: Language;
}>;


export type OrganizationListQuery = { organizations: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, name: string, acronym: string | null, isDemo: boolean, verification: { status: VerificationStatus }, locations: Array<{ id: string, municipality: { code: string, name: string }, point: { lat: number, lng: number } }> } }> } };

export type OrganizationPopupQueryVariables = Exact<{
  id: string;
  lang: Language;
}>;


export type OrganizationPopupQuery = { organization: { id: string, name: string, isDemo: boolean, services: Array<{ id: string, name: string }> } | null };

export type VerificationQueueQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  lang: Language;
}>;


export type VerificationQueueQuery = { verificationQueue: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { kind: VerificationQueueItemKind, since: string, organization: { id: string, version: number, name: string, registrationNumber: string | null, isDemo: boolean }, claim: { id: string, message: string, createdAt: string, claimant: { displayName: string } } | null, licence: { id: string, number: string, authority: string, validFrom: string, validUntil: string | null } | null } }> } };

export type DecideClaimMutationVariables = Exact<{
  claimId: string;
  approve: boolean;
  reason?: string | null | undefined;
}>;


export type DecideClaimMutation = { decideClaim: { claim: { id: string, status: ClaimStatus } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type VerifyOrganizationMutationVariables = Exact<{
  id: string;
  version: number;
  approve: boolean;
  reason?: string | null | undefined;
}>;


export type VerifyOrganizationMutation = { verifyOrganization: { organization: { id: string, version: number } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type ShortlistFieldsFragment = { id: string, name: string, notes: string | null, version: number, csvUrl: string, updatedAt: string, entries: Array<{ id: string, position: number, note: string | null, organization: { id: string, name: string } }> };

export type ContractableProvidersQueryVariables = Exact<{
  filter: OrganizationFilter;
  first: number;
  on: string;
  lang: Language;
  orderBy?: OrganizationOrder | null | undefined;
}>;


export type ContractableProvidersQuery = { organizations: { totalCount: number, edges: Array<{ distanceKm: number | null, node: { id: string, name: string, acronym: string | null, isDemo: boolean, status: OrganizationStatus, verification: { status: VerificationStatus, verifiedAt: string | null }, services: Array<{ id: string, name: string, status: ServiceStatus, capacity: number | null, residentialPlaces: number | null, categories: Array<{ code: string }>, serviceArea: Array<{ code: string, name: string }> }>, licences: Array<{ id: string, number: string, authority: string, validFrom: string, validUntil: string | null, validOn: boolean, categories: Array<{ code: string }> }>, locations: Array<{ id: string, municipality: { code: string, name: string } }>, contracts: Array<{ id: string, amount: number | null }> } }> } };

export type MyShortlistsQueryVariables = Exact<{
  lang: Language;
}>;


export type MyShortlistsQuery = { myShortlists: Array<{ id: string, name: string, notes: string | null, version: number, csvUrl: string, updatedAt: string, entries: Array<{ id: string, position: number, note: string | null, organization: { id: string, name: string } }> }> };

export type CreateShortlistMutationVariables = Exact<{
  input: CreateShortlistInput;
  lang: Language;
}>;


export type CreateShortlistMutation = { createShortlist: { shortlist: { id: string, name: string, notes: string | null, version: number, csvUrl: string, updatedAt: string, entries: Array<{ id: string, position: number, note: string | null, organization: { id: string, name: string } }> } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type UpdateShortlistMutationVariables = Exact<{
  input: UpdateShortlistInput;
  lang: Language;
}>;


export type UpdateShortlistMutation = { updateShortlist: { shortlist: { id: string, name: string, notes: string | null, version: number, csvUrl: string, updatedAt: string, entries: Array<{ id: string, position: number, note: string | null, organization: { id: string, name: string } }> } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type ProviderSearchQueryVariables = Exact<{
  filter: OrganizationFilter;
  lang: Language;
}>;


export type ProviderSearchQuery = { organizations: { edges: Array<{ node: { id: string, name: string } }> } };

export type ProviderNameQueryVariables = Exact<{
  id: string;
  lang: Language;
}>;


export type ProviderNameQuery = { organization: { id: string, name: string } | null };

export type RecordContractMutationVariables = Exact<{
  input: RecordContractInput;
}>;


export type RecordContractMutation = { recordContract: { contract: { id: string } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type OrganizationProfileQueryVariables = Exact<{
  id: string;
  lang: Language;
}>;


export type OrganizationProfileQuery = { organization: { id: string, name: string, acronym: string | null, description: string | null, legalForm: LegalForm, registrationNumber: string | null, registrationDate: string | null, website: string | null, email: string | null, phone: string | null, yearFounded: number | null, staffCount: number | null, volunteerCount: number | null, status: OrganizationStatus, lastConfirmedAt: string | null, isDemo: boolean, updatedAt: string, names: { sq: string, sr: string | null, en: string | null }, verification: { status: VerificationStatus, verifiedAt: string | null }, services: Array<{ id: string, name: string, description: string | null, status: ServiceStatus, capacity: number | null, residentialPlaces: number | null, fee: ServiceFee | null, languages: Array<string>, eligibility: string | null, categories: Array<{ code: string, name: string }>, targetGroups: Array<{ code: string, name: string }>, serviceArea: Array<{ code: string, name: string }> }>, locations: Array<{ id: string, name: string | null, address: string | null, openingHours: string | null, accessibility: string | null, municipality: { code: string, name: string }, point: { lat: number, lng: number } }>, licences: Array<{ id: string, number: string, authority: string, validFrom: string, validUntil: string | null, validToday: boolean, categories: Array<{ code: string, name: string }> }> } | null };

export type OrganizationContractsQueryVariables = Exact<{
  id: string;
  lang: Language;
}>;


export type OrganizationContractsQuery = { organization: { id: string, contracts: Array<{ id: string, reference: string | null, title: string | null, amount: number | null, currency: string, modality: ContractModality, status: ContractStatus, awardDate: string | null, startDate: string | null, endDate: string | null, authority: { code: string, name: string }, categories: Array<{ code: string, name: string }> }> } | null };

export type ViewerPermissionsQueryVariables = Exact<{
  id: string;
}>;


export type ViewerPermissionsQuery = { organization: { id: string, version: number, viewerPermissions: { claim: boolean, edit: boolean, invite: boolean, revert: boolean, verify: boolean, membership: MembershipRole | null } } | null };

export type ClaimOrganizationMutationVariables = Exact<{
  organizationId: string;
  message: string;
}>;


export type ClaimOrganizationMutation = { claimOrganization: { claim: { id: string, status: ClaimStatus } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type UserErrorFieldsFragment = { field: Array<string> | null, message: string, code: UserErrorCode };

export type MunicipalityBoundariesQueryVariables = Exact<{ [key: string]: never; }>;


export type MunicipalityBoundariesQuery = { municipalities: Array<{ code: string, boundary: unknown }> };

export type ReferenceDataQueryVariables = Exact<{
  lang: Language;
}>;


export type ReferenceDataQuery = { regions: Array<{ code: string, name: string }>, municipalities: Array<{ code: string, name: string, population: number, region: { code: string }, seat: { lat: number, lng: number } }>, serviceCategories: Array<{ code: string, name: string, parent: { code: string } | null }>, targetGroups: Array<{ code: string, name: string }> };

export type SessionQueryVariables = Exact<{ [key: string]: never; }>;


export type SessionQuery = { me: { id: string, displayName: string, email: string | null, role: UserRole } | null };

export type OfficerViewerQueryVariables = Exact<{
  lang: Language;
}>;


export type OfficerViewerQuery = { me: { id: string, displayName: string, role: UserRole, authority: { code: string, name: string } | null } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ShortlistFieldsFragmentDoc = new TypedDocumentString(`
    fragment ShortlistFields on Shortlist {
  id
  name
  notes
  version
  csvUrl
  updatedAt
  entries {
    id
    position
    note
    organization {
      id
      name(lang: $lang)
    }
  }
}
    `, {"fragmentName":"ShortlistFields"}) as unknown as TypedDocumentString<ShortlistFieldsFragment, unknown>;
export const UserErrorFieldsFragmentDoc = new TypedDocumentString(`
    fragment UserErrorFields on UserError {
  field
  message
  code
}
    `, {"fragmentName":"UserErrorFields"}) as unknown as TypedDocumentString<UserErrorFieldsFragment, unknown>;
export const MyOrganizationsDocument = new TypedDocumentString(`
    query MyOrganizations($lang: Language!) {
  me {
    id
    displayName
    email
    role
    memberships {
      id
      role
      organization {
        id
        name(lang: $lang)
        status
        verification {
          status
          verifiedAt
        }
      }
    }
    claims {
      id
      status
      createdAt
      decidedAt
      reason
      organization {
        id
        name(lang: $lang)
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MyOrganizationsQuery, MyOrganizationsQueryVariables>;
export const RegisterDocument = new TypedDocumentString(`
    mutation Register($input: RegisterInput!) {
  register(input: $input) {
    user {
      id
      displayName
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  field
  message
  code
}`) as unknown as TypedDocumentString<RegisterMutation, RegisterMutationVariables>;
export const SignInDocument = new TypedDocumentString(`
    mutation SignIn($input: SignInInput!) {
  signIn(input: $input) {
    user {
      id
      displayName
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  field
  message
  code
}`) as unknown as TypedDocumentString<SignInMutation, SignInMutationVariables>;
export const SignOutDocument = new TypedDocumentString(`
    mutation SignOut {
  signOut {
    ok
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  field
  message
  code
}`) as unknown as TypedDocumentString<SignOutMutation, SignOutMutationVariables>;
export const RequestPasswordResetDocument = new TypedDocumentString(`
    mutation RequestPasswordReset($email: String!) {
  requestPasswordReset(email: $email) {
    ok
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  field
  message
  code
}`) as unknown as TypedDocumentString<RequestPasswordResetMutation, RequestPasswordResetMutationVariables>;
export const ResetPasswordDocument = new TypedDocumentString(`
    mutation ResetPassword($token: String!, $newPassword: String!) {
  resetPassword(token: $token, newPassword: $newPassword) {
    ok
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  field
  message
  code
}`) as unknown as TypedDocumentString<ResetPasswordMutation, ResetPasswordMutationVariables>;
export const AcceptInvitationDocument = new TypedDocumentString(`
    mutation AcceptInvitation($token: String!) {
  acceptInvitation(token: $token) {
    membership {
      id
      organization {
        id
      }
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  field
  message
  code
}`) as unknown as TypedDocumentString<AcceptInvitationMutation, AcceptInvitationMutationVariables>;
export const CreateOrganizationDocument = new TypedDocumentString(`
    mutation CreateOrganization($input: CreateOrganizationInput!) {
  createOrganization(input: $input) {
    organization {
      id
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  field
  message
  code
}`) as unknown as TypedDocumentString<CreateOrganizationMutation, CreateOrganizationMutationVariables>;
export const ChangePasswordDocument = new TypedDocumentString(`
    mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
    ok
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  field
  message
  code
}`) as unknown as TypedDocumentString<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const ContractsDocument = new TypedDocumentString(`
    query Contracts($first: Int!, $after: String, $filter: ContractFilter, $lang: Language!) {
  contracts(first: $first, after: $after, filter: $filter) {
    totalCount
    totalAmount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        id
        reference
        title
        amount
        currency
        modality
        status
        awardDate
        startDate
        endDate
        isDemo
        authority {
          code
          name(lang: $lang)
        }
        provider {
          id
          name(lang: $lang)
        }
        categories {
          code
          name(lang: $lang)
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ContractsQuery, ContractsQueryVariables>;
export const ContractTotalsDocument = new TypedDocumentString(`
    query ContractTotals($by: ContractTotalDimension!, $filter: ContractFilter, $lang: Language!) {
  contractTotals(by: $by, filter: $filter, lang: $lang) {
    key
    label
    contracts
    amount
  }
}
    `) as unknown as TypedDocumentString<ContractTotalsQuery, ContractTotalsQueryVariables>;
export const PublicAuthoritiesDocument = new TypedDocumentString(`
    query PublicAuthorities($lang: Language!) {
  publicAuthorities {
    code
    kind
    name(lang: $lang)
  }
}
    `) as unknown as TypedDocumentString<PublicAuthoritiesQuery, PublicAuthoritiesQueryVariables>;
export const CoverageDocument = new TypedDocumentString(`
    query Coverage($filter: CoverageFilter, $lang: Language!) {
  coverage(filter: $filter) {
    generatedAt
    cells {
      municipality {
        code
        name(lang: $lang)
        population
        region {
          code
          name(lang: $lang)
        }
        seat {
          lat
          lng
        }
      }
      category {
        code
      }
      providers
      sites
      providersPer10k
      nearestSiteKm
    }
    gaps {
      municipality {
        code
      }
      category {
        code
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CoverageQuery, CoverageQueryVariables>;
export const OrganizationEditorDocument = new TypedDocumentString(`
    query OrganizationEditor($id: ID!, $lang: Language!) {
  organization(id: $id) {
    id
    version
    name(lang: $lang)
    names {
      sq
      sr
      en
    }
    descriptions {
      sq
      sr
      en
    }
    acronym
    legalForm
    registrationNumber
    registrationDate
    website
    email
    phone
    yearFounded
    staffCount
    volunteerCount
    status
    isDemo
    lastConfirmedAt
    verification {
      status
      verifiedAt
    }
    viewerPermissions {
      edit
      invite
      revert
      membership
    }
    members {
      id
      role
      user {
        id
        displayName
      }
    }
    services {
      id
      version
      name(lang: $lang)
      names {
        sq
        sr
        en
      }
      descriptions {
        sq
        sr
        en
      }
      status
      categories {
        code
      }
      targetGroups {
        code
      }
      serviceArea {
        code
      }
      locations {
        id
      }
      capacity
      residentialPlaces
      fee
      languages
      eligibility
    }
    locations {
      id
      version
      name
      address
      openingHours
      accessibility
      municipality {
        code
        name(lang: $lang)
      }
      point {
        lat
        lng
      }
    }
    licences {
      id
      version
      number
      authority
      documentReference
      validFrom
      validUntil
      categories {
        code
      }
      verification {
        status
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OrganizationEditorQuery, OrganizationEditorQueryVariables>;
export const UpdateOrganizationDocument = new TypedDocumentString(`
    mutation UpdateOrganization($input: UpdateOrganizationInput!) {
  updateOrganization(input: $input) {
    organization {
      id
      version
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  field
  message
  code
}`) as unknown as TypedDocumentString<UpdateOrganizationMutation, UpdateOrganizationMutationVariables>;
export const ConfirmCurrentDocument = new TypedDocumentString(`
    mutation ConfirmCurrent($id: ID!, $version: Int!) {
  confirmOrganizationCurrent(id: $id, version: $version) {
    organization {
      id
      version
      lastConfirmedAt
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  field
  message
  code
}`) as unknown as TypedDocumentString<ConfirmCurrentMutation, ConfirmCurrentMutationVariables>;
export const CreateServiceDocument = new TypedDocumentString(`
    mutation CreateService($input: CreateServiceInput!) {
  createService(input: $input) {
    service {
      id
      version
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  field
  message
  code
}`) as unknown as TypedDocumentString<CreateServiceMutation, CreateServiceMutationVariables>;
export const UpdateServiceDocument = new TypedDocumentString(`
    mutation UpdateService($input: UpdateServiceInput!) {
  updateService(input: $input) {
    service {
      id
      version
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  field
  message
  code
}`) as unknown as TypedDocumentString<UpdateServiceMutation, UpdateServiceMutationVariables>;
export const DeleteServiceDocument = new TypedDocumentString(`
    mutation DeleteService($id: ID!, $version: Int!) {
  deleteService(id: $id, version: $version) {
    deletedServiceId
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  field
  message
  code
}`) as unknown as TypedDocumentString<DeleteServiceMutation, DeleteServiceMutationVariables>;
export const CreateLocationDocument = new TypedDocumentString(`
    mutation CreateLocation($input: CreateLocationInput!) {
  createLocation(input: $input) {
    location {
      id
      version
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  field
  message
  code
}`) as unknown as TypedDocumentString<CreateLocationMutation, CreateLocationMutationVariables>;
export const UpdateLocationDocument = new TypedDocumentString(`
    mutation UpdateLocation($input: UpdateLocationInput!) {
  updateLocation(input: $input) {
    location {
      id
      version
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  field
  message
  code
}`) as unknown as TypedDocumentString<UpdateLocationMutation, UpdateLocationMutationVariables>;
export const DeleteLocationDocument = new TypedDocumentString(`
    mutation DeleteLocation($id: ID!, $version: Int!) {
  deleteLocation(id: $id, version: $version) {
    deletedLocationId
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  field
  message
  code
}`) as unknown as TypedDocumentString<DeleteLocationMutation, DeleteLocationMutationVariables>;
export const CreateLicenceDocument = new TypedDocumentString(`
    mutation CreateLicence($input: CreateLicenceInput!) {
  createLicence(input: $input) {
    licence {
      id
      version
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  field
  message
  code
}`) as unknown as TypedDocumentString<CreateLicenceMutation, CreateLicenceMutationVariables>;
export const UpdateLicenceDocument = new TypedDocumentString(`
    mutation UpdateLicence($input: UpdateLicenceInput!) {
  updateLicence(input: $input) {
    licence {
      id
      version
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  field
  message
  code
}`) as unknown as TypedDocumentString<UpdateLicenceMutation, UpdateLicenceMutationVariables>;
export const InviteMemberDocument = new TypedDocumentString(`
    mutation InviteMember($input: InviteMemberInput!) {
  inviteMember(input: $input) {
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  field
  message
  code
}`) as unknown as TypedDocumentString<InviteMemberMutation, InviteMemberMutationVariables>;
export const OrganizationHistoryDocument = new TypedDocumentString(`
    query OrganizationHistory($id: ID!, $first: Int!, $after: String, $lang: Language!) {
  organization(id: $id) {
    id
    name(lang: $lang)
    viewerPermissions {
      revert
    }
    services {
      id
      name(lang: $lang)
    }
    locations {
      id
      name
      address
      municipality {
        name(lang: $lang)
      }
    }
    licences {
      id
      number
    }
  }
  organizationHistory(organizationId: $id, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        id
        action
        entityType
        entityId
        createdAt
        reason
        author {
          displayName
        }
        changes {
          field
          old
          new
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OrganizationHistoryQuery, OrganizationHistoryQueryVariables>;
export const RevertRevisionDocument = new TypedDocumentString(`
    mutation RevertRevision($revisionId: ID!, $reason: String) {
  revertRevision(revisionId: $revisionId, reason: $reason) {
    revision {
      id
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  field
  message
  code
}`) as unknown as TypedDocumentString<RevertRevisionMutation, RevertRevisionMutationVariables>;
export const RemoveMemberDocument = new TypedDocumentString(`
    mutation RemoveMember($organizationId: ID!, $userId: ID!) {
  removeMember(organizationId: $organizationId, userId: $userId) {
    removedMembershipId
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  field
  message
  code
}`) as unknown as TypedDocumentString<RemoveMemberMutation, RemoveMemberMutationVariables>;
export const MapPointsDocument = new TypedDocumentString(`
    query MapPoints($filter: OrganizationFilter, $lang: Language!) {
  mapPoints(filter: $filter, lang: $lang) {
    locationId
    organizationId
    name
    lat
    lng
    categoryCodes
    verified
    isDemo
  }
}
    `) as unknown as TypedDocumentString<MapPointsQuery, MapPointsQueryVariables>;
export const OrganizationListDocument = new TypedDocumentString(`
    query OrganizationList($filter: OrganizationFilter, $first: Int!, $after: String, $lang: Language!) {
  organizations(filter: $filter, first: $first, after: $after, orderBy: NAME) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        id
        name(lang: $lang)
        acronym
        isDemo
        verification {
          status
        }
        locations {
          id
          municipality {
            code
            name(lang: $lang)
          }
          point {
            lat
            lng
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OrganizationListQuery, OrganizationListQueryVariables>;
export const OrganizationPopupDocument = new TypedDocumentString(`
    query OrganizationPopup($id: ID!, $lang: Language!) {
  organization(id: $id) {
    id
    name(lang: $lang)
    isDemo
    services {
      id
      name(lang: $lang)
    }
  }
}
    `) as unknown as TypedDocumentString<OrganizationPopupQuery, OrganizationPopupQueryVariables>;
export const VerificationQueueDocument = new TypedDocumentString(`
    query VerificationQueue($first: Int!, $after: String, $lang: Language!) {
  verificationQueue(first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        kind
        since
        organization {
          id
          version
          name(lang: $lang)
          registrationNumber
          isDemo
        }
        claim {
          id
          message
          createdAt
          claimant {
            displayName
          }
        }
        licence {
          id
          number
          authority
          validFrom
          validUntil
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<VerificationQueueQuery, VerificationQueueQueryVariables>;
export const DecideClaimDocument = new TypedDocumentString(`
    mutation DecideClaim($claimId: ID!, $approve: Boolean!, $reason: String) {
  decideClaim(claimId: $claimId, approve: $approve, reason: $reason) {
    claim {
      id
      status
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  field
  message
  code
}`) as unknown as TypedDocumentString<DecideClaimMutation, DecideClaimMutationVariables>;
export const VerifyOrganizationDocument = new TypedDocumentString(`
    mutation VerifyOrganization($id: ID!, $version: Int!, $approve: Boolean!, $reason: String) {
  verifyOrganization(
    id: $id
    version: $version
    approve: $approve
    reason: $reason
  ) {
    organization {
      id
      version
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  field
  message
  code
}`) as unknown as TypedDocumentString<VerifyOrganizationMutation, VerifyOrganizationMutationVariables>;
export const ContractableProvidersDocument = new TypedDocumentString(`
    query ContractableProviders($filter: OrganizationFilter!, $first: Int!, $on: Date!, $lang: Language!, $orderBy: OrganizationOrder) {
  organizations(filter: $filter, first: $first, orderBy: $orderBy, lang: $lang) {
    totalCount
    edges {
      distanceKm
      node {
        id
        name(lang: $lang)
        acronym
        isDemo
        status
        verification {
          status
          verifiedAt
        }
        services {
          id
          name(lang: $lang)
          status
          capacity
          residentialPlaces
          categories {
            code
          }
          serviceArea {
            code
            name(lang: $lang)
          }
        }
        licences {
          id
          number
          authority
          validFrom
          validUntil
          validOn(date: $on)
          categories {
            code
          }
        }
        locations {
          id
          municipality {
            code
            name(lang: $lang)
          }
        }
        contracts {
          id
          amount
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ContractableProvidersQuery, ContractableProvidersQueryVariables>;
export const MyShortlistsDocument = new TypedDocumentString(`
    query MyShortlists($lang: Language!) {
  myShortlists {
    ...ShortlistFields
  }
}
    fragment ShortlistFields on Shortlist {
  id
  name
  notes
  version
  csvUrl
  updatedAt
  entries {
    id
    position
    note
    organization {
      id
      name(lang: $lang)
    }
  }
}`) as unknown as TypedDocumentString<MyShortlistsQuery, MyShortlistsQueryVariables>;
export const CreateShortlistDocument = new TypedDocumentString(`
    mutation CreateShortlist($input: CreateShortlistInput!, $lang: Language!) {
  createShortlist(input: $input) {
    shortlist {
      ...ShortlistFields
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment ShortlistFields on Shortlist {
  id
  name
  notes
  version
  csvUrl
  updatedAt
  entries {
    id
    position
    note
    organization {
      id
      name(lang: $lang)
    }
  }
}
fragment UserErrorFields on UserError {
  field
  message
  code
}`) as unknown as TypedDocumentString<CreateShortlistMutation, CreateShortlistMutationVariables>;
export const UpdateShortlistDocument = new TypedDocumentString(`
    mutation UpdateShortlist($input: UpdateShortlistInput!, $lang: Language!) {
  updateShortlist(input: $input) {
    shortlist {
      ...ShortlistFields
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment ShortlistFields on Shortlist {
  id
  name
  notes
  version
  csvUrl
  updatedAt
  entries {
    id
    position
    note
    organization {
      id
      name(lang: $lang)
    }
  }
}
fragment UserErrorFields on UserError {
  field
  message
  code
}`) as unknown as TypedDocumentString<UpdateShortlistMutation, UpdateShortlistMutationVariables>;
export const ProviderSearchDocument = new TypedDocumentString(`
    query ProviderSearch($filter: OrganizationFilter!, $lang: Language!) {
  organizations(filter: $filter, first: 20, lang: $lang) {
    edges {
      node {
        id
        name(lang: $lang)
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ProviderSearchQuery, ProviderSearchQueryVariables>;
export const ProviderNameDocument = new TypedDocumentString(`
    query ProviderName($id: ID!, $lang: Language!) {
  organization(id: $id) {
    id
    name(lang: $lang)
  }
}
    `) as unknown as TypedDocumentString<ProviderNameQuery, ProviderNameQueryVariables>;
export const RecordContractDocument = new TypedDocumentString(`
    mutation RecordContract($input: RecordContractInput!) {
  recordContract(input: $input) {
    contract {
      id
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  field
  message
  code
}`) as unknown as TypedDocumentString<RecordContractMutation, RecordContractMutationVariables>;
export const OrganizationProfileDocument = new TypedDocumentString(`
    query OrganizationProfile($id: ID!, $lang: Language!) {
  organization(id: $id) {
    id
    name(lang: $lang)
    names {
      sq
      sr
      en
    }
    acronym
    description(lang: $lang)
    legalForm
    registrationNumber
    registrationDate
    website
    email
    phone
    yearFounded
    staffCount
    volunteerCount
    status
    verification {
      status
      verifiedAt
    }
    lastConfirmedAt
    isDemo
    updatedAt
    services {
      id
      name(lang: $lang)
      description(lang: $lang)
      status
      categories {
        code
        name(lang: $lang)
      }
      targetGroups {
        code
        name(lang: $lang)
      }
      serviceArea {
        code
        name(lang: $lang)
      }
      capacity
      residentialPlaces
      fee
      languages
      eligibility
    }
    locations {
      id
      name
      address
      openingHours
      accessibility
      municipality {
        code
        name(lang: $lang)
      }
      point {
        lat
        lng
      }
    }
    licences {
      id
      number
      authority
      validFrom
      validUntil
      validToday
      categories {
        code
        name(lang: $lang)
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OrganizationProfileQuery, OrganizationProfileQueryVariables>;
export const OrganizationContractsDocument = new TypedDocumentString(`
    query OrganizationContracts($id: ID!, $lang: Language!) {
  organization(id: $id) {
    id
    contracts {
      id
      reference
      title
      amount
      currency
      modality
      status
      awardDate
      startDate
      endDate
      authority {
        code
        name(lang: $lang)
      }
      categories {
        code
        name(lang: $lang)
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OrganizationContractsQuery, OrganizationContractsQueryVariables>;
export const ViewerPermissionsDocument = new TypedDocumentString(`
    query ViewerPermissions($id: ID!) {
  organization(id: $id) {
    id
    version
    viewerPermissions {
      claim
      edit
      invite
      revert
      verify
      membership
    }
  }
}
    `) as unknown as TypedDocumentString<ViewerPermissionsQuery, ViewerPermissionsQueryVariables>;
export const ClaimOrganizationDocument = new TypedDocumentString(`
    mutation ClaimOrganization($organizationId: ID!, $message: String!) {
  claimOrganization(organizationId: $organizationId, message: $message) {
    claim {
      id
      status
    }
    userErrors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  field
  message
  code
}`) as unknown as TypedDocumentString<ClaimOrganizationMutation, ClaimOrganizationMutationVariables>;
export const MunicipalityBoundariesDocument = new TypedDocumentString(`
    query MunicipalityBoundaries {
  municipalities {
    code
    boundary
  }
}
    `) as unknown as TypedDocumentString<MunicipalityBoundariesQuery, MunicipalityBoundariesQueryVariables>;
export const ReferenceDataDocument = new TypedDocumentString(`
    query ReferenceData($lang: Language!) {
  regions {
    code
    name(lang: $lang)
  }
  municipalities {
    code
    name(lang: $lang)
    region {
      code
    }
    population
    seat {
      lat
      lng
    }
  }
  serviceCategories {
    code
    name(lang: $lang)
    parent {
      code
    }
  }
  targetGroups {
    code
    name(lang: $lang)
  }
}
    `) as unknown as TypedDocumentString<ReferenceDataQuery, ReferenceDataQueryVariables>;
export const SessionDocument = new TypedDocumentString(`
    query Session {
  me {
    id
    displayName
    email
    role
  }
}
    `) as unknown as TypedDocumentString<SessionQuery, SessionQueryVariables>;
export const OfficerViewerDocument = new TypedDocumentString(`
    query OfficerViewer($lang: Language!) {
  me {
    id
    displayName
    role
    authority {
      code
      name(lang: $lang)
    }
  }
}
    `) as unknown as TypedDocumentString<OfficerViewerQuery, OfficerViewerQueryVariables>;