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

export type CreateShortlistInput = {
  /** In order. */
  entries?: Array<ShortlistEntryInput> | null | undefined;
  name: string;
  notes?: string | null | undefined;
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

/** Sites within radiusKm of a point; edges then carry distanceKm. */
export type NearInput = {
  lat: number;
  lng: number;
  /** Radius in kilometres (more than 0, at most 500). */
  radiusKm: number;
};

/** Filters combine with AND; the values inside one list combine with OR. */
export type OrganizationFilter = {
  /** A site inside the box. */
  bbox?: BBoxInput | null | undefined;
  /** Category codes; a parent category matches its children. An active service must be in one. */
  categories?: Array<string> | null | undefined;
  contractableFor?: ContractableInput | null | undefined;
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

export type VerificationStatus =
  | 'UNVERIFIED'
  | 'VERIFIED';

export type OfficerViewerQueryVariables = Exact<{
  lang: Language;
}>;


export type OfficerViewerQuery = { me: { id: string, displayName: string, role: UserRole, authority: { code: string, name: string } | null } | null };

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

export type AuthoritiesQueryVariables = Exact<{
  lang: Language;
}>;


export type AuthoritiesQuery = { publicAuthorities: Array<{ code: string, kind: AuthorityKind, name: string }> };

export type RecordContractMutationVariables = Exact<{
  input: RecordContractInput;
}>;


export type RecordContractMutation = { recordContract: { contract: { id: string } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode }> } };

export type ReferenceDataQueryVariables = Exact<{
  lang: Language;
}>;


export type ReferenceDataQuery = { regions: Array<{ code: string, name: string }>, municipalities: Array<{ code: string, name: string, population: number, region: { code: string }, seat: { lat: number, lng: number } }>, serviceCategories: Array<{ code: string, name: string, parent: { code: string } | null }>, targetGroups: Array<{ code: string, name: string }> };

export type MunicipalityBoundariesQueryVariables = Exact<{ [key: string]: never; }>;


export type MunicipalityBoundariesQuery = { municipalities: Array<{ code: string, boundary: unknown }> };

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

export type OrganizationProfileQueryVariables = Exact<{
  id: string;
  lang: Language;
}>;


export type OrganizationProfileQuery = { organization: { id: string, name: string, acronym: string | null, description: string | null, legalForm: LegalForm, registrationNumber: string | null, registrationDate: string | null, website: string | null, email: string | null, phone: string | null, yearFounded: number | null, staffCount: number | null, volunteerCount: number | null, status: OrganizationStatus, lastConfirmedAt: string | null, isDemo: boolean, updatedAt: string, names: { sq: string, sr: string | null, en: string | null }, verification: { status: VerificationStatus, verifiedAt: string | null }, services: Array<{ id: string, name: string, description: string | null, status: ServiceStatus, capacity: number | null, residentialPlaces: number | null, fee: ServiceFee | null, languages: Array<string>, eligibility: string | null, categories: Array<{ code: string, name: string }>, targetGroups: Array<{ code: string, name: string }>, serviceArea: Array<{ code: string, name: string }> }>, locations: Array<{ id: string, name: string | null, address: string | null, openingHours: string | null, accessibility: string | null, municipality: { code: string, name: string }, point: { lat: number, lng: number } }>, licences: Array<{ id: string, number: string, authority: string, validFrom: string, validUntil: string | null, validToday: boolean, categories: Array<{ code: string, name: string }> }> } | null };

export type CoverageQueryVariables = Exact<{
  filter?: CoverageFilter | null | undefined;
  lang: Language;
}>;


export type CoverageQuery = { coverage: { generatedAt: string, cells: Array<{ providers: number, sites: number, providersPer10k: number, nearestSiteKm: number | null, municipality: { code: string, name: string, population: number, region: { code: string, name: string }, seat: { lat: number, lng: number } }, category: { code: string } }>, gaps: Array<{ municipality: { code: string }, category: { code: string } }> } };

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

export type OrganizationContractsQueryVariables = Exact<{
  id: string;
  lang: Language;
}>;


export type OrganizationContractsQuery = { organization: { id: string, contracts: Array<{ id: string, reference: string | null, title: string | null, amount: number | null, currency: string, modality: ContractModality, status: ContractStatus, awardDate: string | null, startDate: string | null, endDate: string | null, authority: { code: string, name: string }, categories: Array<{ code: string, name: string }> }> } | null };

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
}
    `) as unknown as TypedDocumentString<MyShortlistsQuery, MyShortlistsQueryVariables>;
export const CreateShortlistDocument = new TypedDocumentString(`
    mutation CreateShortlist($input: CreateShortlistInput!, $lang: Language!) {
  createShortlist(input: $input) {
    shortlist {
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
    userErrors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<CreateShortlistMutation, CreateShortlistMutationVariables>;
export const UpdateShortlistDocument = new TypedDocumentString(`
    mutation UpdateShortlist($input: UpdateShortlistInput!, $lang: Language!) {
  updateShortlist(input: $input) {
    shortlist {
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
    userErrors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateShortlistMutation, UpdateShortlistMutationVariables>;
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
export const AuthoritiesDocument = new TypedDocumentString(`
    query Authorities($lang: Language!) {
  publicAuthorities {
    code
    kind
    name(lang: $lang)
  }
}
    `) as unknown as TypedDocumentString<AuthoritiesQuery, AuthoritiesQueryVariables>;
export const RecordContractDocument = new TypedDocumentString(`
    mutation RecordContract($input: RecordContractInput!) {
  recordContract(input: $input) {
    contract {
      id
    }
    userErrors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<RecordContractMutation, RecordContractMutationVariables>;
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
export const MunicipalityBoundariesDocument = new TypedDocumentString(`
    query MunicipalityBoundaries {
  municipalities {
    code
    boundary
  }
}
    `) as unknown as TypedDocumentString<MunicipalityBoundariesQuery, MunicipalityBoundariesQueryVariables>;
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