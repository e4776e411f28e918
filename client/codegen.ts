/**
 * GraphQL Code Generator: the client's result and variable types, generated from the server's
 * emitted schema (schema/schema.graphql) and the `graphql(…)` documents in src/. Run
 * `npm run codegen -w @gridwarden/client` after changing either, and commit src/generated/;
 * src/generated.spec.ts fails when the committed output is stale.
 */
import { join } from 'node:path';
import type { CodegenConfig } from '@graphql-codegen/cli';

/** The generated folder, relative to the client package. */
export const GENERATED_DIR = 'src/generated/';

/** The configuration, with paths under `clientDir` (the client package). */
export function codegenConfig(clientDir: string): CodegenConfig {
  return {
    schema: join(clientDir, '../schema/schema.graphql'),
    documents: [
      join(clientDir, 'src/**/*.{ts,tsx}'),
      `!${join(clientDir, GENERATED_DIR, '**')}`,
      `!${join(clientDir, 'src/**/*.spec.ts')}`,
    ],
    ignoreNoDocuments: false,
    generates: {
      [join(clientDir, GENERATED_DIR)]: {
        preset: 'client',
        // components take plain data, not masked fragment references
        presetConfig: { fragmentMasking: false },
        config: {
          useTypeImports: true,
          enumsAsTypes: true,
          // Apollo adds __typename to every object below the root; the types need not carry it
          skipTypename: true,
          avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
          strictScalars: true,
          scalars: {
            DateTimeISO: 'string',
            GeoJSON: "import('geojson').Geometry",
            JSONObject: 'Record<string, unknown>',
          },
        },
      },
    },
  };
}

export default codegenConfig('.');
