// The GraphQL operations of the editor (profile, services, sites, licences, members) and of an
// organization's history.
import { graphql } from '../gql';

export const OrganizationEditorQuery = graphql(`
  query OrganizationEditor($id: ID!, $lang: Language!) {
    organization(id: $id) {
      ...OrganizationRecordFields
      version
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
        ...ServiceRecordFields
        version
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
      }
      locations {
        ...SiteFields
        version
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
`);

export const UpdateOrganizationMutation = graphql(`
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
`);

export const ConfirmCurrentMutation = graphql(`
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
`);

export const CreateServiceMutation = graphql(`
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
`);

export const UpdateServiceMutation = graphql(`
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
`);

export const DeleteServiceMutation = graphql(`
  mutation DeleteService($id: ID!, $version: Int!) {
    deleteService(id: $id, version: $version) {
      deletedServiceId
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const CreateLocationMutation = graphql(`
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
`);

export const UpdateLocationMutation = graphql(`
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
`);

export const DeleteLocationMutation = graphql(`
  mutation DeleteLocation($id: ID!, $version: Int!) {
    deleteLocation(id: $id, version: $version) {
      deletedLocationId
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const CreateLicenceMutation = graphql(`
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
`);

export const UpdateLicenceMutation = graphql(`
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
`);

export const InviteMemberMutation = graphql(`
  mutation InviteMember($input: InviteMemberInput!) {
    inviteMember(input: $input) {
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const OrganizationHistoryQuery = graphql(`
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
        ...PageInfoFields
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
`);

export const RevertRevisionMutation = graphql(`
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
`);

export const RemoveMemberMutation = graphql(`
  mutation RemoveMember($organizationId: ID!, $userId: ID!) {
    removeMember(organizationId: $organizationId, userId: $userId) {
      removedMembershipId
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
