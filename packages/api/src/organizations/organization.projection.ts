import { column, type Expr, type TypeProjection } from '../core/projection';
import { Language } from '../core/localized-text';

/** The Albanian text (the fallback) and the one asked for: what localized() reads. */
export function localizedColumns(prefix: string, lang: unknown): Record<string, Expr> {
  const wanted = Object.values(Language).includes(lang as Language) ? (lang as Language) : Language.SQ;
  return { sq: column(`${prefix}sq`), [wanted]: column(`${prefix}${wanted}`) };
}

/** How name(lang) and description(lang) compile for the types with NameAndDescriptionResolver (organizations, services). */
export const NAME_AND_DESCRIPTION_FIELDS: TypeProjection['fields'] = {
  name: (args) => ({ props: { names: localizedColumns('name_', args.lang) } }),
  description: (args) => ({ props: { descriptions: localizedColumns('description_', args.lang) } }),
};

/** How Organization's fields compile (core/projection.ts); its plain fields are its entity columns. */
export const organizationProjection: TypeProjection = {
  type: 'Organization',
  entity: 'Organization',
  always: { id: column('id') },
  fields: {
    ...NAME_AND_DESCRIPTION_FIELDS,
    verification: { props: { verificationStatus: column('verification_status'), verifiedAt: column('verified_at'), verifiedBy: { id: column('verified_by_id') } } },
    // Computed per request from the id, for a whole page in one statement (contractability.resolver.ts).
    contractability: {},
    fundingMix: {
      props: {
        fundingPublicPct: column('funding_public_pct'),
        fundingForeignPct: column('funding_foreign_pct'),
        fundingOwnPct: column('funding_own_pct'),
        fundingOtherPct: column('funding_other_pct'),
      },
    },
  },
};
