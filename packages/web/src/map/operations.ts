// Every GraphQL operation the web app sends. `npm run codegen` turns them into typed documents
// (src/gql/), checked against the API's committed SDL.
import { graphql } from '../gql';

export const ReferenceDataQuery = graphql(`
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
`);

export const MunicipalityBoundariesQuery = graphql(`
  query MunicipalityBoundaries {
    municipalities {
      code
      boundary
    }
  }
`);

export const MapPointsQuery = graphql(`
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
`);

export const OrganizationListQuery = graphql(`
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
`);

export const OrganizationPopupQuery = graphql(`
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
`);

export const OrganizationProfileQuery = graphql(`
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
`);

export const CoverageQuery = graphql(`
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
`);

export const ContractsQuery = graphql(`
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
`);

export const ContractTotalsQuery = graphql(`
  query ContractTotals($by: ContractTotalDimension!, $filter: ContractFilter, $lang: Language!) {
    contractTotals(by: $by, filter: $filter, lang: $lang) {
      key
      label
      contracts
      amount
    }
  }
`);

export const PublicAuthoritiesQuery = graphql(`
  query PublicAuthorities($lang: Language!) {
    publicAuthorities {
      code
      kind
      name(lang: $lang)
    }
  }
`);

export const OrganizationContractsQuery = graphql(`
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
`);
