import fs from 'node:fs';
import path from 'node:path';
import { parse, print, visit } from 'graphql';
import { describe, expect, it } from 'vitest';
import { printCivimapSchema } from '../src/app/schema';

describe('the committed SDL', () => {
  it('matches the schema the code builds (run npm run schema:emit and commit packages/api/schema.graphql)', async () => {
    const committed = fs.readFileSync(path.join(__dirname, '..', 'schema.graphql'), 'utf8');
    expect(await printCivimapSchema()).toBe(committed);
  });

  it('keeps the core names of the contract (DESIGN section 3)', async () => {
    // Compared without descriptions: described arguments print one per line.
    const sdl = print(visit(parse(await printCivimapSchema()), { enter: (node) => ('description' in node && node.description ? { ...node, description: undefined } : undefined) }));
    for (const fragment of [
      'enum Language {',
      'type LocalizedText {',
      'interface Node {',
      'node(id: ID!): Node',
      'regions: [Region!]!',
      'municipalities(region: ID): [Municipality!]!',
      'serviceCategories: [ServiceCategory!]!',
      'targetGroups: [TargetGroup!]!',
      'organization(id: ID!): Organization',
      'totalCount: Int!',
      'distanceKm: Float',
      'name(lang: Language = SQ): String!',
      'population: Int!',
      'populationYear: Int!',
      'seat: GeoPoint!',
      'parent: ServiceCategory',
      'children: [ServiceCategory!]!',
      'verification: Verification!',
      'isDemo: Boolean!',
      'version: Int!',
      'validFrom: Date!',
      'validUntil: Date',
      'capacity: Int',
      'point: GeoPoint!',
      'input NearInput {',
      'radiusKm: Float!',
      'input BBoxInput {',
      'input LicensedForInput {',
      'input ContractableInput {',
      'includeDemo: Boolean',
    ]) {
      expect(sdl, fragment).toContain(fragment);
    }
  });
});
