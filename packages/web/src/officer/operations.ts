// The GraphQL operations of the officers' pages (issue 5): contractable search, shortlists and
// recording contracts.
import { graphql } from '../gql';

/** What the shortlist panel shows of a list; one selection for the list query and both mutations. */
export const ShortlistFieldsFragment = graphql(`
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
        # the names per language: a name shown in another language than the page's is marked lang
        names {
          ...LocalizedTextFields
        }
      }
    }
  }
`);

/** The officer's ranked list: the API ranks it and checks the contractable rule for every provider. */
export const ContractingSearchQuery = graphql(`
  query ContractingSearch($category: ID!, $municipality: ID, $near: NearInput, $first: Int!, $on: Date!, $lang: Language!) {
    contractingSearch(category: $category, municipality: $municipality, near: $near, on: $on, first: $first, lang: $lang) {
      totalCount
      contractableCount
      edges {
        distanceKm
        capacity
        residentialPlaces
        contractability {
          contractable
          checks {
            condition
            holds
            reason
            serviceName
            licenceNumber
            licenceValidFrom
            licenceValidUntil
          }
        }
        node {
          id
          name(lang: $lang)
          names {
            ...LocalizedTextFields
          }
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
`);

export const MyShortlistsQuery = graphql(`
  query MyShortlists($lang: Language!) {
    myShortlists {
      ...ShortlistFields
    }
  }
`);

/** What a save of a shortlist answers, created or updated alike: the list as the panel shows it, or why not. */
export const ShortlistPayloadFieldsFragment = graphql(`
  fragment ShortlistPayloadFields on ShortlistPayload {
    shortlist {
      ...ShortlistFields
    }
    userErrors {
      ...UserErrorFields
    }
  }
`);

export const CreateShortlistMutation = graphql(`
  mutation CreateShortlist($input: CreateShortlistInput!, $lang: Language!) {
    createShortlist(input: $input) {
      ...ShortlistPayloadFields
    }
  }
`);

export const UpdateShortlistMutation = graphql(`
  mutation UpdateShortlist($input: UpdateShortlistInput!, $lang: Language!) {
    updateShortlist(input: $input) {
      ...ShortlistPayloadFields
    }
  }
`);

export const RecordContractMutation = graphql(`
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
`);
