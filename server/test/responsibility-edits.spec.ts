/**
 * responsibility(at:) across edits made through the API (issue 4): a reshape and a change of
 * officer, both by mutations, leave the old grid version and the old person answerable for
 * the moment before, and the new ones for after.
 */
import { box, editSpec } from './support/edit-fixture';
import type { GraphQLResponse, TestServer } from './support/test-server';

const RESPONSIBILITY = `query($id: ID!, $at: DateTimeISO) {
  responsibility(enterpriseId: $id, at: $at) {
    chain { grid { code version } people { role person { name } } }
    baseGrid { grid { code version } people { role person { name } } }
  } }`;

interface Answer {
  chain: { grid: { code: string; version: number } }[];
  baseGrid: {
    grid: { code: string; version: number };
    people: { role: string; person: { name: string } }[];
  } | null;
}

function data<T>(res: GraphQLResponse<T>): T {
  expect(res.errors).toBeUndefined();
  return res.data as T;
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('responsibility(at:) before and after edits made through the API', () => {
  const spec = editSpec('responsibility_edits');

  async function person(admin: TestServer, name: string): Promise<string> {
    return data(
      await admin.graphql<{ createPerson: { id: string } }>(
        `mutation($input: PersonInput!) { createPerson(input: $input) { id } }`,
        { input: { name, phone: '13800001111' } },
      ),
    ).createPerson.id;
  }

  async function assign(admin: TestServer, gridId: string, personId: string): Promise<string> {
    return data(
      await admin.graphql<{ assignPerson: { id: string } }>(
        `mutation($g: ID!, $p: ID!) { assignPerson(gridId: $g, personId: $p, role: OFFICER) { id } }`,
        { g: gridId, p: personId },
      ),
    ).assignPerson.id;
  }

  it('answers with the old grid version and officer before, and the new ones after', async () => {
    const admin = await spec.as('ADMIN');
    const base = spec.grid('C01-01');
    const oldOfficer = await assign(admin, base, await person(admin, '旧网格员'));
    await pause();
    const before = new Date().toISOString();
    await pause();

    // the officer changes and the grid shrinks to its southern half (e2 at y = 150 leaves it)
    data(
      await admin.graphql(`mutation($id: ID!) { endAssignment(id: $id) { id } }`, {
        id: oldOfficer,
      }),
    );
    await assign(admin, base, await person(admin, '新网格员'));
    data(
      await admin.graphql(
        `mutation($input: UpdateGridBoundaryInput!) { updateGridBoundary(input: $input) { version } }`,
        { input: { id: base, expectedVersion: 1, boundary: box(0, 0, 100, 100) } },
      ),
    );
    await pause();
    const after = new Date().toISOString();

    const ask = async (key: string, at: string) =>
      data(
        await admin.graphql<{ responsibility: Answer }>(RESPONSIBILITY, {
          id: spec.enterprise(key),
          at,
        }),
      ).responsibility;
    // the fixture's own officer of each base grid stays throughout; ours come and go
    const officers = (a: Answer) =>
      (a.baseGrid?.people.map((p) => p.person.name) ?? []).filter((n) => !n.startsWith('网格员C'));

    // e1 (30, 50) stays in C01-01: version 1 with the old officer, version 2 with the new one
    const e1Before = await ask('e1', before);
    expect(e1Before.baseGrid?.grid).toEqual({ code: 'C01-01', version: 1 });
    expect(officers(e1Before)).toEqual(['旧网格员']);
    const e1After = await ask('e1', after);
    expect(e1After.baseGrid?.grid).toEqual({ code: 'C01-01', version: 2 });
    expect(officers(e1After)).toEqual(['新网格员']);

    // e2 (70, 150) was in C01-01 before the reshape and lies in no base grid after it
    const e2Before = await ask('e2', before);
    expect(e2Before.baseGrid?.grid).toEqual({ code: 'C01-01', version: 1 });
    expect(officers(e2Before)).toEqual(['旧网格员']);
    const e2After = await ask('e2', after);
    expect(e2After.baseGrid).toBeNull();
    expect(e2After.chain.map((c) => c.grid.code)).toEqual(['C', 'C01']);
  });
});
