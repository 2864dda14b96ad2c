import { type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

type Storage = ReturnType<typeof getMetadataStorage>;
type FieldResolverMetadata = Storage['fieldResolvers'][number];
type ParamMetadata = NonNullable<FieldResolverMetadata['params']>[number];
type Resolve = GraphQLFieldResolver<unknown, unknown>;

const primitive = (value: unknown) => value === null || value === undefined || typeof value !== 'object';

/**
 * type-graphql wraps every field of an object type in a resolver of its own: a plain field gets one
 * that reads `root[name]` through its (empty) middleware chain, and a field resolver one that builds
 * a resolver-data object, looks its class instance up in the container, and maps its parameters,
 * asynchronously as soon as it takes an argument (the argument "validation" is async even when
 * validation is off). On the page of 50 that is about 2,000 such calls per request, a tenth of the
 * API's CPU; graphql-jit also inlines a field that has no resolver at all.
 *
 * This replaces them, after the schema is built, where the result is the same by construction:
 * - a plain field whose property has the field's name, without middleware or roles: no resolver (the
 *   default one reads the same property);
 * - a field resolver of a resolver class, without middleware or roles, whose parameters are only the
 *   root, the context (or a property of it), the resolve info and arguments: a direct call on one
 *   instance of the class (what the default container holds). Per call, an argument that is an object
 *   (an input type type-graphql converts into its class) or a root that is not already an instance of
 *   its declared class sends that call to type-graphql's own resolver.
 * Needs `validate: false` and no global middleware or auth checker (buildCivimapSchema's options).
 */
export function leanResolvers(schema: GraphQLSchema, resolverClasses: Function[]): GraphQLSchema {
  // The metadata as buildSchema saw it: a built copy (a base resolver's fields handed to its subclass).
  const storage = getMetadataStorage().clone();
  storage.build({ resolvers: resolverClasses as [Function, ...Function[]] });
  const fieldResolvers = storage.fieldResolvers.filter((it) => it.kind === 'internal' || resolverClasses.includes(it.target));
  const instances = new Map<Function, object>();
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!isObjectType(type)) continue;
    const fields = type.getFields();
    // The fields type-graphql generated for the type (schema-generator.js): its base classes', then its
    // interfaces' and its own, a later one of the same name replacing an earlier one.
    const chain: typeof storage.objectTypes = [];
    for (let cls = objectType.target; cls?.prototype; cls = Object.getPrototypeOf(cls)) {
      const found = storage.objectTypes.find((it) => it.target === cls);
      if (found) chain.unshift(found);
    }
    const metadata = chain.flatMap((it) => [
      ...(it.interfaceClasses ?? []).flatMap((cls) => storage.interfaceTypes.find((i) => i.target === cls)?.fields ?? []),
      ...(it.fields ?? []),
    ]);
    const bySchemaName = new Map(metadata.map((field) => [field.schemaName, field]));
    for (const [schemaName, field] of bySchemaName) {
      const gqlField = fields[schemaName];
      if (!gqlField?.resolve) continue;
      const resolver = fieldResolvers.find((it) => it.getObjectType?.() === field.target && it.methodName === field.name);
      const guarded = (field.middlewares?.length ?? 0) > 0 || field.roles !== undefined;
      if (!resolver) {
        if (!guarded && field.name === schemaName) gqlField.resolve = undefined;
        continue;
      }
      if (guarded || resolver.kind !== 'external' || (resolver.middlewares?.length ?? 0) > 0 || resolver.roles !== undefined) continue;
      const direct = directResolver(resolver, gqlField.resolve, instances);
      if (direct) gqlField.resolve = direct;
    }
  }
  return schema;
}

function directResolver(resolver: FieldResolverMetadata, original: Resolve, instances: Map<Function, object>): Resolve | undefined {
  const params = [...(resolver.params ?? [])].sort((a, b) => a.index - b.index);
  if (!params.every(simpleParam)) return undefined;
  const Target = resolver.target as new () => Record<string, (...args: unknown[]) => unknown>;
  const method = Target.prototype?.[resolver.methodName];
  if (typeof method !== 'function') return undefined;
  const instance = () => {
    let found = instances.get(Target);
    if (!found) instances.set(Target, (found = new Target()));
    return found;
  };
  const roots = params.map((p) => (p.kind === 'root' ? p.getType : undefined));
  return (root, args, context, info) => {
    const values: unknown[] = new Array(params.length);
    for (let i = 0; i < params.length; i++) {
      const p = params[i];
      switch (p.kind) {
        case 'root': {
          const value = p.propertyName ? (root as Record<string, unknown>)[p.propertyName] : root;
          const declared = roots[i]?.();
          if (!primitive(value) && typeof declared === 'function' && declared !== Object && !(value instanceof declared)) return original(root, args, context, info);
          values[i] = value;
          break;
        }
        case 'context':
          values[i] = p.propertyName ? (context as Record<string, unknown>)[p.propertyName] : context;
          break;
        case 'info':
          values[i] = info;
          break;
        case 'arg': {
          const value = (args as Record<string, unknown>)[p.name];
          if (!primitive(value)) return original(root, args, context, info);
          values[i] = value;
          break;
        }
      }
    }
    return method.apply(instance(), values);
  };
}

/** Parameters whose value type-graphql passes through unchanged when validation is off (see above). */
function simpleParam(p: ParamMetadata): boolean {
  if (p.kind === 'root' || p.kind === 'context' || p.kind === 'info') return true;
  return p.kind === 'arg' && p.validateFn === undefined && (p.validateSettings === undefined || p.validateSettings === false);
}
