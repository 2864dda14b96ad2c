// The GraphQL operations of the contracts page, and the contract fields a provider's profile
// shows with the same table.
import { graphql } from '../gql';

/** A contract as ContractTable shows it, on the contracts page and on a provider's profile. */
export const ContractRowFieldsFragment = graphql(`
  fragment ContractRowFields on Contract {
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
`);

export const ContractsQuery = graphql(`
  query Contracts($first: Int!, $after: String, $filter: ContractFilter, $lang: Language!) {
    contracts(first: $first, after: $after, filter: $filter) {
      totalCount
      totalAmount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...ContractRowFields
          isDemo
          provider {
            id
            name(lang: $lang)
            names {
              ...LocalizedTextFields
            }
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
