import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildGridwardenSchema } from './schema';

const HEADER = `# Gridwarden GraphQL contract. Emitted by the server build (npm run emit-schema);
# do not edit by hand: a test fails when this file and the server disagree.
`;

/** The committed SDL text: sorted, so it only changes when the contract does. */
export async function printGridwardenSchema(): Promise<string> {
  return `${HEADER}\n${printSchema(lexicographicSortSchema(await buildGridwardenSchema()))}\n`;
}
