import { Arg, type ClassType } from 'type-graphql';

/** The `input` argument of a mutation: one input object whose type documents each field's rules. */
export const InputArg = (type: () => ClassType) => Arg('input', type, { description: 'What to write; see the input type for each field\'s rules.' });
