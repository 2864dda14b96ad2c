// The GraphQL operations of the account pages: registration and its confirmation, sign-in and out, passwords,
// invitations and "My organizations". `npm run codegen` types them from the API's committed SDL.
import { graphql } from '../gql';

/** What a mutation that only says whether it was done answers (sign-out, the password and link mails). */
export const OkPayloadFieldsFragment = graphql(`
  fragment OkPayloadFields on OkPayload {
    ok
    userErrors {
      ...UserErrorFields
    }
  }
`);

/** What signing in answers (by password or by the confirmation link): who is signed in now, or why not. */
export const SignedInFieldsFragment = graphql(`
  fragment SignedInFields on AuthPayload {
    user {
      id
      displayName
    }
    userErrors {
      ...UserErrorFields
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
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ConfirmEmailMutation = graphql(`
  mutation ConfirmEmail($input: ConfirmEmailInput!) {
    confirmEmail(input: $input) {
      ...SignedInFields
    }
  }
`);

export const ResendConfirmationMutation = graphql(`
  mutation ResendConfirmation($email: String!) {
    resendConfirmation(email: $email) {
      ...OkPayloadFields
    }
  }
`);

export const SignInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      ...SignedInFields
    }
  }
`);

export const SignOutMutation = graphql(`
  mutation SignOut {
    signOut {
      ...OkPayloadFields
    }
  }
`);

export const RequestPasswordResetMutation = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email) {
      ...OkPayloadFields
    }
  }
`);

export const ResetPasswordMutation = graphql(`
  mutation ResetPassword($token: String!, $newPassword: String!) {
    resetPassword(token: $token, newPassword: $newPassword) {
      ...OkPayloadFields
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

export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      ...OkPayloadFields
    }
  }
`);
