/**
 * Limits on what one GraphQL request may ask for, so a single request cannot tie up the
 * server: graphql-armor's depth, cost, alias, directive and token limits, and the body size.
 * Every query of the map client passes them with room to spare (server/test/limits.spec.ts
 * checks that); docs/api.md lists them for integrators.
 */
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';

// Measured on the map client's queries: depth ≤ 4, cost ≤ 43, ≤ 56 tokens, no aliases.
export const GRAPHQL_LIMITS = {
  /** Nesting of fields; the client needs 4 (grids → edges → node → field), Grid.parent chains add one each. */
  maxDepth: 10,
  /** graphql-armor's cost: 2 per object field, 1 per scalar, ×1.5 per level of depth (the client's grid page: 42). */
  maxCost: 5000,
  /** Aliased fields in one operation: enough to compare a few grids side by side. */
  maxAliases: 15,
  maxDirectives: 20,
  /** Lexical tokens in the query text (the standard introspection query has 163). */
  maxTokens: 2000,
} as const;

/** Largest accepted request body; larger ones get 413 with a JSON error. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Reports a rejected request without armor's misleading "Syntax Error: " prefix. */
const report = {
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''))),
  ],
};

/**
 * What enforces GRAPHQL_LIMITS in Apollo Server: graphql-armor's plugins and validation
 * rules, and graphql-js's own token limit in the parser (armor's token plugin throws where
 * Apollo answers 500; the parser's limit is a 400 GRAPHQL_PARSE_FAILED).
 */
export function graphqlLimits(): {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
  parseOptions: { maxTokens: number };
} {
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: { n: GRAPHQL_LIMITS.maxDepth, ...report },
    costLimit: { maxCost: GRAPHQL_LIMITS.maxCost, ...report },
    maxAliases: { n: GRAPHQL_LIMITS.maxAliases, ...report },
    maxDirectives: { n: GRAPHQL_LIMITS.maxDirectives, ...report },
    maxTokens: { enabled: false },
    // "Did you mean …" would spell out the schema to callers who may not introspect it
    blockFieldSuggestion: { enabled: true },
  }).protect();
  return {
    plugins: plugins as ApolloServerPlugin[],
    validationRules,
    parseOptions: { maxTokens: GRAPHQL_LIMITS.maxTokens },
  };
}
