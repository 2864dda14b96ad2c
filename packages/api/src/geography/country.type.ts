import { Field, ID, ObjectType } from 'type-graphql';
import { LocalizedText } from '../core/localized-text';
import type { MultiPolygon } from './boundaries-import';

@ObjectType({ description: 'The country civimap maps (Kosovo), with its outline for the maps’ vector base layer.' })
export class Country {
  @Field(() => ID, { description: 'Country code: XK (the user-assigned ISO 3166 code the EU and IMF use for Kosovo).' })
  code!: string;

  @Field(() => LocalizedText, { description: 'The country’s name in Albanian, Serbian and English.' })
  names!: LocalizedText;

  /** The stored outline; the `outline` field resolver rounds it. */
  outlineGeometry!: MultiPolygon | null;
}

/**
 * The geometry with every coordinate rounded to `decimals` places (4 ≈ 11 m, finer than a screen
 * pixel at the zoom levels the maps use), so the base layer costs a fraction of the stored bytes.
 */
export function roundGeometry<T>(geometry: T, decimals: number | null | undefined): T {
  if (geometry == null || decimals == null) return geometry;
  const f = 10 ** decimals;
  const round = (v: unknown): unknown => (typeof v === 'number' ? Math.round(v * f) / f : Array.isArray(v) ? v.map(round) : v);
  const g = geometry as { coordinates?: unknown };
  return { ...g, coordinates: round(g.coordinates) } as T;
}
