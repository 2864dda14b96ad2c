import { Embeddable, Property } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum Language {
  SQ = 'sq',
  SR = 'sr',
  EN = 'en',
}
registerEnumType(Language, { name: 'Language', description: 'Albanian (default), Serbian, English.' , valuesConfig: {
    EN: { description: 'English.' },
    SQ: { description: 'Albanian (the default, and the fallback of every text).' },
    SR: { description: 'Serbian.' },
  } });

/** Text kept per language; Albanian is required and is the fallback. */
@Embeddable()
@ObjectType('LocalizedText', { description: 'A text in Albanian, Serbian and English; Albanian is always present.' })
export class LocalizedText {
  @Field(() => String, { description: 'The text in Albanian.' })
  @Property({ type: 'text' })
  sq!: string;

  @Field(() => String, { description: 'The text in Serbian; null when not translated.', nullable: true })
  @Property({ type: 'text', nullable: true })
  sr?: string | null;

  @Field(() => String, { description: 'The text in English; null when not translated.', nullable: true })
  @Property({ type: 'text', nullable: true })
  en?: string | null;
}

/** Optional multilingual text (descriptions). */
@Embeddable()
@ObjectType('OptionalLocalizedText', { description: 'A text that may be missing in every language (e.g. a description).' })
export class OptionalLocalizedText {
  @Field(() => String, { description: 'The text in Albanian; null when missing.', nullable: true })
  @Property({ type: 'text', nullable: true })
  sq?: string | null;

  @Field(() => String, { description: 'The text in Serbian; null when missing.', nullable: true })
  @Property({ type: 'text', nullable: true })
  sr?: string | null;

  @Field(() => String, { description: 'The text in English; null when missing.', nullable: true })
  @Property({ type: 'text', nullable: true })
  en?: string | null;
}

export function localized(text: { sq?: string | null; sr?: string | null; en?: string | null } | null | undefined, lang: Language = Language.SQ): string | null {
  if (!text) return null;
  return text[lang] || text.sq || null;
}

export function localizedText(sq: string, sr?: string | null, en?: string | null): LocalizedText {
  return Object.assign(new LocalizedText(), { sq, sr: sr ?? null, en: en ?? null });
}
