import { type ClassType, FieldResolver, Resolver, Root } from 'type-graphql';
import { LangArg } from './language-arg';
import { type Language, localized, OptionalLocalizedText, type LocalizedText } from './localized-text';

interface Named {
  names: LocalizedText;
}

interface Described extends Named {
  descriptions: OptionalLocalizedText;
}

/**
 * The `name(lang)` field of every type that keeps its names per language (the vocabularies, services,
 * organizations): a module's resolver extends `NameResolver(() => Region)` instead of writing it again.
 * A new base class per type, since type-graphql hands a base resolver's fields to one subclass.
 */
export function NameResolver<TRoot extends Named>(type: () => ClassType<TRoot>) {
  @Resolver(type)
  abstract class LocalizedNameResolver {
    @FieldResolver(() => String, { description: 'Name in the language asked for (Albanian when missing).' })
    name(@Root() root: TRoot, @LangArg() lang: Language): string {
      return localized(root.names, lang)!;
    }
  }
  return LocalizedNameResolver;
}

/** `name(lang)`, `description(lang)` and `descriptions` of a type that also keeps a description per language. */
export function NameAndDescriptionResolver<TRoot extends Described>(type: () => ClassType<TRoot>) {
  @Resolver(type)
  abstract class LocalizedDescriptionResolver extends NameResolver(type) {
    @FieldResolver(() => String, { description: 'Description in the language asked for (Albanian when missing); null when there is none.', nullable: true })
    description(@Root() root: TRoot, @LangArg() lang: Language): string | null {
      return localized(root.descriptions, lang);
    }

    @FieldResolver(() => OptionalLocalizedText, { description: 'Description in Albanian, Serbian and English.' })
    descriptions(@Root() root: TRoot): OptionalLocalizedText {
      return root.descriptions;
    }
  }
  return LocalizedDescriptionResolver;
}
