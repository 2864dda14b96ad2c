import { column, type TypeProjection } from '../core/projection';
const validity = { props: { validFrom: column('valid_from'), validUntil: column('valid_until') } };

/** How Licence's fields compile, and the licences under an organization (core/projection.ts). */
export const licenceProjections: TypeProjection[] = [
  {
    type: 'Licence',
    entity: 'Licence',
    always: { id: column('id') },
    fields: {
      authority: { props: { issuingAuthority: column('issuing_authority') } },
      categories: { props: { categoryIds: (a) => `array(select x.category_id from licence_category x where x.licence_id = ${a}.id)` } },
      validToday: validity,
      validOn: validity,
      verification: { props: { verificationStatus: column('verification_status'), verifiedAt: column('verified_at') } },
    },
  },
  {
    type: 'Organization',
    fields: {
      licences: {
        list: { prop: 'licences', type: 'Licence', source: (li, o) => `licence ${li} where ${li}.organization_id = ${o}.id`, orderBy: (li) => `${li}.valid_from desc, ${li}.id` },
      },
    },
  },
];
