// The GraphQL operations of the public profile: the record, its contracts, and what the viewer may do with it.
import { graphql } from '../gql';

export const OrganizationProfileQuery = graphql(`
  query OrganizationProfile($id: ID!, $lang: Language!) {
    organization(id: $id) {
      ...OrganizationRecordFields
      description(lang: $lang)
      updatedAt
      services {
        ...ServiceRecordFields
        description(lang: $lang)
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
      }
      locations {
        ...SiteFields
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

export const OrganizationContractsQuery = graphql(`
  query OrganizationContracts($id: ID!, $lang: Language!) {
    organization(id: $id) {
      id
      contracts {
        ...ContractRowFields
      }
    }
  }
`);

export const ViewerPermissionsQuery = graphql(`
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
`);

export const ClaimOrganizationMutation = graphql(`
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
`);
