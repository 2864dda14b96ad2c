// Selections several features ask for alike, written once so that the profile, the editor, the map
// and the paged lists read the same fields under the same names (codegen inlines them into each
// operation's result type: fragment masking is off).
import { graphql } from '../../gql';

/** Where a keyset-paged connection stands: pass endCursor as `after` while hasNextPage. */
export const PageInfoFieldsFragment = graphql(`
  fragment PageInfoFields on PageInfo {
    hasNextPage
    endCursor
  }
`);

/** A text in every language of the registry (names, descriptions), for lang="…" marking and editing. */
export const LocalizedTextFieldsFragment = graphql(`
  fragment LocalizedTextFields on LocalizedText {
    sq
    sr
    en
  }
`);

/** The same for a text that may be missing in every language (descriptions). */
export const OptionalLocalizedTextFieldsFragment = graphql(`
  fragment OptionalLocalizedTextFields on OptionalLocalizedText {
    sq
    sr
    en
  }
`);

/** An organization's record as the profile shows it and the editor edits it. */
export const OrganizationRecordFieldsFragment = graphql(`
  fragment OrganizationRecordFields on Organization {
    id
    name(lang: $lang)
    names {
      ...LocalizedTextFields
    }
    descriptions {
      ...OptionalLocalizedTextFields
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
  }
`);

/** Where a site is: its municipality and its point (the map's list, the profile, the editor). */
export const SitePlaceFieldsFragment = graphql(`
  fragment SitePlaceFields on Location {
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
`);

/** A site as the profile shows it and the editor edits it. */
export const SiteFieldsFragment = graphql(`
  fragment SiteFields on Location {
    ...SitePlaceFields
    name
    address
    openingHours
    accessibility
  }
`);

/** What a service offers, as the profile shows it and the editor edits it. */
export const ServiceRecordFieldsFragment = graphql(`
  fragment ServiceRecordFields on Service {
    id
    name(lang: $lang)
    names {
      ...LocalizedTextFields
    }
    descriptions {
      ...OptionalLocalizedTextFields
    }
    status
    capacity
    residentialPlaces
    fee
    languages
    eligibility
  }
`);
