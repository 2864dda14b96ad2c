import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { execute, type ExecutionResult, GraphQLError, type GraphQLSchema, printSchema } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';

/**
 * graphql-jit's errors carry no `extensions` unless the thrown error had some, and Apollo's error
 * formatting reads `extensions.code` of every error: a resolver's plain error (a pool that cannot
 * lend a connection under load, say) would become Apollo's bare "Internal server error" instead of
 * going through formatError (SERVICE_UNAVAILABLE with 503, or the logged internal error). Such errors
 * are rebuilt as graphql-js errors, as graphql-js would have reported them.
 */
function withExtensions(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.some((e) => !e.extensions)) return result;
  const errors = result.errors.map((e) =>
    e.extensions ? e : new GraphQLError(e.message, { nodes: e.nodes, source: e.source, positions: e.positions, path: e.path, originalError: e.originalError ?? undefined }),
  );
  return { ...result, errors };
}

/** An operation runs compiled once it has run this many times: compiling costs more than one execution. */
const HOT_AFTER = 2;
/** Compiled operations kept (least recently used dropped first). */
const MAX_COMPILED = 200;

/**
 * Executes hot operations with graphql-jit (the query compiled to JavaScript once, then run without
 * graphql-js's per-field interpretation), everything else with graphql-js. Wired into Apollo Server
 * as its gateway executor, so that parsing, validation (depth, aliases), the cost limit, persisted
 * queries, error formatting and the caching headers are Apollo's as before; only execution changes.
 * Variables are coerced by graphql-js first (graphql-jit accepts some values graphql-js refuses, such
 * as a list for an input object); those that do not coerce go to graphql-js, whose errors Apollo turns
 * into BAD_USER_INPUT, as does an operation name the document does not hold.
 */
export function jitGateway(schema: GraphQLSchema): GatewayInterface {
  const seen = new Map<string, number>();
  const compiled = new Map<string, CompiledQuery | null>();

  function compiledFor(key: string, compile: () => CompiledQuery | null): CompiledQuery | null | undefined {
    const hit = compiled.get(key);
    if (hit !== undefined) {
      compiled.delete(key);
      compiled.set(key, hit);
      return hit;
    }
    const runs = (seen.get(key) ?? 0) + 1;
    if (runs < HOT_AFTER) {
      if (seen.size >= MAX_COMPILED * 10) seen.clear();
      seen.set(key, runs);
      return undefined;
    }
    seen.delete(key);
    const query = compile();
    compiled.set(key, query);
    if (compiled.size > MAX_COMPILED) compiled.delete(compiled.keys().next().value!);
    return query;
  }

  const executor: GatewayExecutor = async (request) => {
    const variables = request.request.variables ?? {};
    // What the client asked for (request.operationName is Apollo's resolution of it, null when none matched).
    const operationName = request.request.operationName ?? undefined;
    const coerced = request.operation ? getVariableValues(schema, request.operation.variableDefinitions ?? [], variables) : { errors: [] };
    const query = !request.operation || coerced.errors ? undefined : compiledFor(`${request.queryHash}:${operationName ?? ''}`, () => {
      const result = compileQuery(schema, request.document, operationName);
      // An operation graphql-jit cannot compile keeps running on graphql-js.
      return isCompiledQuery(result) ? result : null;
    });
    if (query) {
      const result = (await query.query(undefined, request.context, variables)) as ExecutionResult;
      if (result.data !== undefined || !result.errors?.length) return withExtensions(result);
    }
    return (await execute({ schema, document: request.document, contextValue: request.context, variableValues: variables, operationName })) as ExecutionResult;
  };

  let listener: ((context: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }) => void) | undefined;
  return {
    onSchemaLoadOrUpdate(callback) {
      listener = callback;
      return () => (listener = undefined);
    },
    async load() {
      listener?.({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return { executor };
    },
    async stop() {},
  };
}
