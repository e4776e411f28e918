/** Writes schema/schema.graphql from the resolvers. Run by the server build. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { printGridwardenSchema } from '../graphql/print-schema';

export const SCHEMA_FILE = resolve(__dirname, '../../../schema/schema.graphql');

if (require.main === module) {
  printGridwardenSchema()
    .then((sdl) => {
      writeFileSync(SCHEMA_FILE, sdl);
      console.log(`wrote ${SCHEMA_FILE}`);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
