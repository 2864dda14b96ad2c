import { Arg } from 'type-graphql';
import { Language } from './localized-text';

/** The `lang` argument of every localized field: Albanian by default, Albanian as the fallback. */
export const LangArg = () => Arg('lang', () => Language, {
    nullable: true,
    defaultValue: Language.SQ,
    description: 'Language of the text: SQ (Albanian, the default), SR (Serbian) or EN (English); Albanian when the text is missing in that language.',
  });
