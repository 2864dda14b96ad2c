// The GraphQL operations of the moderators' queue.
import { graphql } from '../gql';

export const VerificationQueueQuery = graphql(`
  query VerificationQueue($first: Int!, $after: String, $lang: Language!, $kinds: [VerificationQueueItemKind!], $search: String, $order: VerificationQueueOrder) {
    verificationQueue(first: $first, after: $after, kinds: $kinds, search: $search, order: $order) {
      totalCount
      countsByKind {
        kind
        count
      }
      pageInfo {
        ...PageInfoFields
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
`);

export const DecideClaimMutation = graphql(`
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
`);

export const VerifyOrganizationMutation = graphql(`
  mutation VerifyOrganization($id: ID!, $version: Int!, $approve: Boolean!, $reason: String) {
    verifyOrganization(id: $id, version: $version, approve: $approve, reason: $reason) {
      organization {
        id
        version
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
