/**
 * Limits on what one GraphQL request may ask for, so a single request cannot tie up the
 * server: depth, cost, aliases, directives and tokens, and the body size. Every query of
 * the map client passes them with room to spare (server/test/limits.spec.ts checks that);
 * docs/api.md lists them for integrators.
 */
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  validate,
  visit,
  type ArgumentNode,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

// Measured on the map client's queries as Apollo Client sends them (with __typename): depth ≤ 4,
// no aliases, < 70 tokens, and a full page of 5,000 enterprises (2,000 grids) costs 257,500 (103,000).
export const GRAPHQL_LIMITS = {
  /** Nesting of fields; the client needs 4 (grids → edges → node → field), Grid.parent chains add one each. */
  maxDepth: 10,
  /**
   * graphql-armor's cost: 2 per object, 1 per scalar, ×1.5 per level of nesting, × the
   * `first` of each list (from a literal or a variable): roughly rows × fields.
   */
  maxCost: 300_000,
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

/** The variable a `first`/`last` argument takes its page size from, or null. */
function pageSizeVariable(node: ArgumentNode): string | null {
  return (node.name.value === 'first' || node.name.value === 'last') &&
    node.value.kind === Kind.VARIABLE
    ? node.value.name.value
    : null;
}

/**
 * The document with every `first`/`last` argument given by a variable replaced by the
 * variable's value, so the cost of a page is the same whether its size is written in the
 * query or passed as a variable (armor's rule alone sees only literals).
 */
export function inlinePageSizes(
  document: DocumentNode,
  variables: Record<string, unknown> = {},
): DocumentNode {
  const defaults = new Map<string, unknown>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const v of definition.variableDefinitions ?? []) {
      if (v.defaultValue?.kind === Kind.INT)
        defaults.set(v.variable.name.value, v.defaultValue.value);
    }
  }
  return visit(document, {
    Argument(node) {
      const name = pageSizeVariable(node);
      if (name === null) return undefined;
      const value = name in variables ? variables[name] : defaults.get(name);
      const size = Number(value);
      if (!Number.isInteger(size) || size < 0) return undefined;
      return { ...node, value: { kind: Kind.INT, value: String(size) } };
    },
  });
}

/** The variables a document passes as `first`/`last`: the only ones its cost depends on. */
function pageSizeVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Argument(node) {
      const name = pageSizeVariable(node);
      if (name !== null) names.add(name);
    },
  });
  return [...names];
}

/** Verdicts kept per document: page sizes a client pages through are few. */
const VERDICTS_PER_DOCUMENT = 64;
/** Page sizes are numbers; anything longer is measured every time rather than kept. */
const MAX_KEY_LENGTH = 64;

/**
 * Measures an operation's cost against `maxCost` with its page sizes known: the error
 * message, or null when within. A verdict depends only on the document and the values of
 * its page-size variables, so it is kept per parsed document (Apollo hands the same
 * DocumentNode to every request with the same query text) and per those values; measuring
 * walks and validates the whole document, about 0.1 ms a request (bench/api).
 */
export function costMeter(maxCost: number) {
  const rule = costLimitRule({ maxCost, ...report });
  const known = new WeakMap<
    DocumentNode,
    { variables: string[]; verdicts: Map<string, string | null> }
  >();
  return (
    schema: GraphQLSchema,
    document: DocumentNode,
    variables: Record<string, unknown> = {},
  ) => {
    let entry = known.get(document);
    if (!entry) {
      entry = { variables: pageSizeVariables(document), verdicts: new Map() };
      known.set(document, entry);
    }
    // a variable left out (its default applies) differs from one sent as null
    const key = entry.variables
      .map((name) => (name in variables ? String(JSON.stringify(variables[name])) : '-'))
      .join(',');
    const cached = entry.verdicts.get(key);
    if (cached !== undefined) return cached;
    const errors = validate(schema, inlinePageSizes(document, variables), [rule]);
    const verdict = errors.length > 0 ? errors[0].message : null;
    if (key.length <= MAX_KEY_LENGTH) {
      if (entry.verdicts.size >= VERDICTS_PER_DOCUMENT) entry.verdicts.clear();
      entry.verdicts.set(key, verdict);
    }
    return verdict;
  };
}

/** Refuses an operation over GRAPHQL_LIMITS.maxCost once its variables are known. */
function costLimit(): ApolloServerPlugin {
  const measure = costMeter(GRAPHQL_LIMITS.maxCost);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, schema }) {
          const refusal = measure(schema, document, request.variables);
          if (refusal !== null) {
            throw new GraphQLError(refusal, {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

/**
 * What enforces GRAPHQL_LIMITS in Apollo Server: graphql-armor's validation rules for depth,
 * aliases and directives, its cost rule once the variables are known, and graphql-js's own
 * token limit in the parser (armor's token plugin throws where Apollo answers 500; the
 * parser's limit is a 400 GRAPHQL_PARSE_FAILED).
 */
export function graphqlLimits(): {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
  parseOptions: { maxTokens: number };
} {
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: { n: GRAPHQL_LIMITS.maxDepth, ...report },
    maxAliases: { n: GRAPHQL_LIMITS.maxAliases, ...report },
    maxDirectives: { n: GRAPHQL_LIMITS.maxDirectives, ...report },
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    // "Did you mean …" would spell out the schema to callers who may not introspect it
    blockFieldSuggestion: { enabled: true },
  }).protect();
  return {
    plugins: [...(plugins as ApolloServerPlugin[]), costLimit()],
    validationRules,
    parseOptions: { maxTokens: GRAPHQL_LIMITS.maxTokens },
  };
}
