import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { type DocumentNode, getNamedType, getNullableType, GraphQLError, isListType, isObjectType, type GraphQLSchema, separateOperations } from 'graphql';
import { type ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from '../../core/page-size';
import { PerObjectMemo } from '../../core/memo';

/** The public API's limits; a page of 100 organizations with their services (categories, target groups, area), sites and licences costs about 50,000. */
export const LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 5_000,
  maxCost: 100_000,
  /** Nested lists without a page size (an organization's services, a service's categories) count this many items. */
  assumedListSize: 5,
};

/**
 * A connection costs its page size times what one edge costs; other lists an assumed size times one
 * item; every field 1. The cost is reported in the response's extensions.
 */
const connectionEstimator: ComplexityEstimator = ({ args, field, childComplexity }) => {
  if (!field.args.some((a) => a.name === 'first')) return undefined;
  const first = typeof args.first === 'number' && args.first >= 0 ? args.first : DEFAULT_PAGE_SIZE;
  return 1 + childComplexity * Math.max(first, 1);
};

const listEstimator: ComplexityEstimator = ({ field, childComplexity }) => {
  const type = getNullableType(field.type);
  if (!isListType(type)) return undefined;
  // A connection's edges are already counted by its page size.
  if (field.name === 'edges') return 1 + childComplexity;
  return 1 + childComplexity * (isObjectType(getNamedType(type)) ? LIMITS.assumedListSize : 1);
};

/** Costs kept per parsed document (Apollo keeps one DocumentNode per query text) and per operation and variables. */
const MAX_COSTS_PER_DOCUMENT = 100;

export function queryCostPlugin(schema: GraphQLSchema): ApolloServerPlugin {
  // The cost depends on the document, the operation and the variables only: computed once for each,
  // since walking the selection with the estimators costs about as much as executing a small query.
  const known = new PerObjectMemo<number>(MAX_COSTS_PER_DOCUMENT);
  const costOf = (document: DocumentNode, operationName: string | null, requested: string | undefined, variables: Record<string, unknown>): number =>
    known.get(document, `${operationName ?? ''}\u0000${requested ?? ''}\u0000${JSON.stringify(variables)}`, () =>
      getComplexity({
        schema,
        query: operationName ? (separateOperations(document)[operationName] ?? document) : document,
        variables,
        operationName: requested,
        estimators: [connectionEstimator, listEstimator, simpleEstimator({ defaultComplexity: 1 })],
      }),
    );
  return {
    async requestDidStart() {
      let cost = 0;
      return {
        async didResolveOperation({ request, document, operationName }) {
          try {
            cost = costOf(document, operationName, request.operationName ?? undefined, request.variables ?? {});
          } catch {
            // Variables that do not coerce: execution reports them as BAD_USER_INPUT, which says more than a cost could.
            cost = 0;
            return;
          }
          if (cost > LIMITS.maxCost) {
            throw new GraphQLError(`The query costs ${cost}, over the limit of ${LIMITS.maxCost}. Ask for smaller pages or fewer nested fields.`, {
              extensions: { code: 'QUERY_TOO_COMPLEX', cost: { requested: cost, maximum: LIMITS.maxCost }, http: { status: 400 } },
            });
          }
        },
        async willSendResponse({ response }) {
          if (response.body.kind === 'single' && cost > 0) {
            response.body.singleResult.extensions = { ...response.body.singleResult.extensions, cost: { requested: cost, maximum: LIMITS.maxCost } };
          }
        },
      };
    },
  };
}

/** Depth, aliases and directives, checked while validating, before anything runs. Introspection stays on. */
export function armor() {
  return new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: LIMITS.maxAliases },
    maxDirectives: { n: LIMITS.maxDirectives },
    // Tokens are capped by graphql's own parser (parseOptions.maxTokens): armor's token plugin turns
    // every syntax error into an unexpected failure (HTTP 500) under Apollo Server 5.
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();
}
