// The GraphQL operations of accounts, editing, history and moderation (issue 4). Kept apart from
// operations.ts (the public map's) so the two grow without stepping on each other; `npm run codegen`
// types both from the API's committed SDL.
import { graphql } from '../gql';

export const SessionQuery = graphql(`
  query Session {
    me {
      id
      displayName
      email
      role
    }
  }
`);

export const MyOrganizationsQuery = graphql(`
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
`);

export const RegisterMutation = graphql(`
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
`);

export const SignInMutation = graphql(`
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
`);

export const SignOutMutation = graphql(`
  mutation SignOut {
    signOut {
      ok
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RequestPasswordResetMutation = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email) {
      ok
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ResetPasswordMutation = graphql(`
  mutation ResetPassword($token: String!, $newPassword: String!) {
    resetPassword(token: $token, newPassword: $newPassword) {
      ok
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const AcceptInvitationMutation = graphql(`
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

export const CreateOrganizationMutation = graphql(`
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
`);

export const OrganizationEditorQuery = graphql(`
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

export const VerificationQueueQuery = graphql(`
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

export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      ok
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
