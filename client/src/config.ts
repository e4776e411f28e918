/**
 * The client's configuration: the only module that reads `import.meta.env`.
 */
export const config = {
  /** VITE_GRAPHQL_URL: GraphQL endpoint; same origin by default (the server serves the client). */
  graphqlUrl: (import.meta.env.VITE_GRAPHQL_URL as string | undefined) ?? '/graphql',
  /** DEV: Vite's development flag; enables nothing user-visible, only console detail. */
  dev: import.meta.env.DEV,
} as const;
