import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printGridwardenSchema } from '../../server/src/graphql/print-schema';

describe('schema/schema.graphql', () => {
  it('is exactly what the server emits (run `npm run build` and commit the result when this fails)', async () => {
    const committed = readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8');
    expect(committed).toBe(await printGridwardenSchema());
  });
});
