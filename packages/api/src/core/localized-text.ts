import { Embeddable, Property } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum Language {
  SQ = 'sq',
  SR = 'sr',
  EN = 'en',
}
registerEnumType(Language, { name: 'Language', description: 'Albanian (default), Serbian, English.' });

/** Text kept per language; Albanian is required and is the fallback. */
@Embeddable()
@ObjectType('LocalizedText')
export class LocalizedText {
  @Field(() => String)
  @Property({ type: 'text' })
  sq!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  sr?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  en?: string | null;
}

/** Optional multilingual text (descriptions). */
@Embeddable()
@ObjectType('OptionalLocalizedText')
export class OptionalLocalizedText {
  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  sq?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  sr?: string | null;

  @Field(() => String, { nullable: true })
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
