import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { codegenConfig, GENERATED_DIR } from '../../codegen';

const CLIENT_DIR = resolve(__dirname, '../..');

describe('client/src/generated', () => {
  it('is exactly what codegen makes of schema/schema.graphql and the client documents (run `npm run codegen -w @gridwarden/client` and commit the result when this fails)', async () => {
    const outputs: { filename: string; content: string }[] = await generate(
      { ...codegenConfig(CLIENT_DIR), cwd: CLIENT_DIR },
      false,
    );
    const generated = Object.fromEntries(
      outputs.map((o) => [relative(CLIENT_DIR, resolve(CLIENT_DIR, o.filename)), o.content]),
    );
    const dir = join(CLIENT_DIR, GENERATED_DIR);
    const committed = Object.fromEntries(
      readdirSync(dir).map((name) => [
        relative(CLIENT_DIR, join(dir, name)),
        readFileSync(join(dir, name), 'utf8'),
      ]),
    );
    expect(Object.keys(generated).length).toBeGreaterThanOrEqual(3);
    expect(committed).toEqual(generated);
  });
});
