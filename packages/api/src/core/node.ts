import { Field, ID, InterfaceType } from 'type-graphql';

@InterfaceType({
  description: 'An object with a globally unique id (a UUID).',
  // Compiled reads (core/projection.ts) are plain objects that name their type; loaded entities are instances of it.
  resolveType: (value: { __typename?: string; constructor?: { name: string } }) => value.__typename ?? value.constructor?.name,
})
export abstract class Node {
  @Field(() => ID, { description: 'Globally unique id of the object; node(id:) fetches it.' })
  id!: string;
}
