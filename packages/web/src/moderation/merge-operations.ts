// The GraphQL operations of merging duplicate organizations (the API's src/merges/).
import { graphql } from '../gql';

/** One side of a merge as the preview names it (the version is the one the merge is compared against). */
export const MergeSideFieldsFragment = graphql(`
  fragment MergeSideFields on Organization {
    id
    version
    name(lang: $lang)
  }
`);

export const MergePreviewQuery = graphql(`
  query MergePreview($keptId: ID!, $mergedId: ID!, $lang: Language!) {
    organizationMergePreview(keptId: $keptId, mergedId: $mergedId) {
      kept {
        ...MergeSideFields
      }
      merged {
        ...MergeSideFields
      }
      fields {
        field
        kept
        merged
        differs
      }
      moves {
        services
        sites
        licences
        contracts
        memberships
        shortlistEntries
        claims
        invitations
        surveyInvitations
        surveyResponses
        surveyNotices
      }
      revisions
    }
  }
`);

export const MergeOrganizationsMutation = graphql(`
  mutation MergeOrganizations($input: MergeOrganizationsInput!) {
    mergeOrganizations(input: $input) {
      organization {
        id
      }
      merge {
        id
        mergedId
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const OrganizationMergesQuery = graphql(`
  query OrganizationMerges($id: ID!) {
    organizationMerges(organizationId: $id) {
      id
      mergedId
      mergedName
      createdAt
    }
  }
`);

export const UnmergeOrganizationMutation = graphql(`
  mutation UnmergeOrganization($mergedId: ID!) {
    unmergeOrganization(mergedId: $mergedId) {
      organization {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
