/**
 * Enterprise, people, department, sector-rule and grid-level edits over HTTP: each one
 * transaction, authorised, validated with a clear message, audited in audit_log, and the
 * stored coverage results kept equal to a fresh full audit.
 */
import { at, fixtureUscc } from './support/coverage-fixture';
import { box, editSpec, fingerprint, storedAndFresh, storedRules } from './support/edit-fixture';
import type { GraphQLResponse } from './support/test-server';

const ENTERPRISE = `id uscc name version lon lat industryCode baseGrid { code }`;
const UPSERT = `mutation($input: EnterpriseInput!) { upsertEnterprise(input: $input) { ${ENTERPRISE} } }`;
const MOVE = `mutation($id: ID!, $lon: Float!, $lat: Float!, $v: Int!) {
  moveEnterprise(id: $id, lon: $lon, lat: $lat, expectedVersion: $v) { ${ENTERPRISE} } }`;
const CREATE_PERSON = `mutation($input: PersonInput!) { createPerson(input: $input) { id name phone } }`;
const UPDATE_PERSON = `mutation($id: ID!, $input: PersonPatch!) { updatePerson(id: $id, input: $input) { id name phone } }`;
const ASSIGN = `mutation($g: ID!, $p: ID!, $role: AssignmentRole!, $since: DateTimeISO) {
  assignPerson(gridId: $g, personId: $p, role: $role, since: $since) { id gridId role since until person { name } grid { code } } }`;
const END = `mutation($id: ID!, $until: DateTimeISO) { endAssignment(id: $id, until: $until) { id until } }`;
const UPSERT_DEPARTMENT = `mutation($input: DepartmentInput!) { upsertDepartment(input: $input) { id code nameZh nameEn comprehensive sectorRules { id industryPrefix } } }`;
const ADD_RULE = `mutation($input: SectorRuleInput!) { addSectorRule(input: $input) { id departmentId industryPrefix enterpriseClass } }`;
const REMOVE_RULE = `mutation($id: ID!) { removeSectorRule(id: $id) { id industryPrefix } }`;
const UPDATE_LEVEL = `mutation($input: UpdateGridLevelInput!) { updateGridLevel(input: $input) { level nameZh nameEn enterpriseClasses } }`;
const CREATE_GRID = `mutation($input: CreateGridInput!) { createGrid(input: $input) { id } }`;

interface EnterpriseOut {
  id: string;
  uscc: string;
  name: string;
  version: number;
  baseGrid: { code: string } | null;
}
type Errors = GraphQLResponse<unknown>['errors'];
const codeOf = (errors: Errors) => errors?.[0]?.extensions?.code;

describe('enterprise, people, department and level edits', () => {
  const spec = editSpec('other_edits');
  const { grid, as, query: q } = spec;
  const ent = spec.enterprise;
  const expectAuditConsistent = async () => {
    const { stored, fresh } = await storedAndFresh(spec.db);
    expect(stored).toEqual(fresh);
  };
  const enterpriseInput = (overrides: Record<string, unknown> = {}) => {
    const [lon, lat] = at(50, 100);
    return {
      uscc: fixtureUscc(100),
      name: '新登记企业',
      lon,
      lat,
      industryCode: 'C3311',
      scale: 'MICRO',
      ...overrides,
    };
  };

  it('registers an enterprise: checked credit code, derived base grid, version 1, audit_log', async () => {
    const res = await (
      await as('OFFICER', 'C01')
    ).graphql<{ upsertEnterprise: EnterpriseOut }>(UPSERT, {
      input: enterpriseInput({ phone: '138 0013 8000', address: '沂水镇' }),
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.upsertEnterprise).toMatchObject({
      uscc: fixtureUscc(100),
      version: 1,
      baseGrid: { code: 'C01-01' },
    });
    const [row] = await q(`SELECT phone, address FROM enterprise WHERE id = $1`, [
      res.data!.upsertEnterprise.id,
    ]);
    expect(row).toEqual({ phone: '13800138000', address: '沂水镇' });
    const log = await q(`SELECT action, entity_type, before, after FROM audit_log`);
    expect(log).toEqual([
      {
        action: 'UPSERT_ENTERPRISE',
        entity_type: 'ENTERPRISE',
        before: null,
        after: expect.objectContaining({
          uscc: fixtureUscc(100),
          location: expect.objectContaining({ type: 'Point' }),
        }),
      },
    ]);
    await expectAuditConsistent();
  });

  it('refuses a wrong credit code with its reason, and writes nothing', async () => {
    const before = await fingerprint(spec.db);
    const good = fixtureUscc(100);
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const res = await (
      await as('SUPERVISOR')
    ).graphql(UPSERT, { input: enterpriseInput({ uscc: bad }) });
    expect(codeOf(res.errors)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.reason).toBe('CHECK_CHARACTER_MISMATCH');
    expect(res.errors?.[0].message).toMatch(
      /is not a valid unified social credit code: expected check character/,
    );
    expect(await fingerprint(spec.db)).toEqual(before);
  });

  it('refuses a location outside the lon/lat range or outside the viewer’s scope, and writes nothing', async () => {
    const before = await fingerprint(spec.db);
    const officer = await as('OFFICER', 'C01');
    const range = await officer.graphql(UPSERT, { input: enterpriseInput({ lon: 200 }) });
    expect(codeOf(range.errors)).toBe('BAD_USER_INPUT');
    expect(range.errors?.[0].message).toMatch(
      /"lon" must be a longitude from -180 to 180; got 200/,
    );
    const [lon, lat] = at(350, 100);
    const away = await officer.graphql(UPSERT, { input: enterpriseInput({ lon, lat }) });
    expect(codeOf(away.errors)).toBe('FORBIDDEN');
    expect(away.errors?.[0].message).toMatch(/outside your scope/);
    const industry = await officer.graphql(UPSERT, {
      input: enterpriseInput({ industryCode: 'Z99' }),
    });
    expect(industry.errors?.[0].message).toMatch(/GB\/T 4754-2017/);
    const phone = await officer.graphql(UPSERT, { input: enterpriseInput({ phone: '12345' }) });
    expect(phone.errors?.[0].message).toMatch(/not a phone number/);
    for (const role of ['INTEGRATOR', 'PLANNER'] as const) {
      const res = await (await as(role)).graphql(UPSERT, { input: enterpriseInput() });
      expect(codeOf(res.errors)).toBe('FORBIDDEN');
    }
    expect(await fingerprint(spec.db)).toEqual(before);
  });

  it('updates an existing enterprise only with its version, and moves it with its base grid following', async () => {
    const supervisor = await as('SUPERVISOR');
    const [{ uscc }] = await q(`SELECT uscc FROM enterprise WHERE id = $1`, [ent('e1')]);
    const [lon, lat] = at(30, 50);
    const blind = await supervisor.graphql(UPSERT, {
      input: enterpriseInput({ uscc, lon, lat, name: '改名' }),
    });
    expect(codeOf(blind.errors)).toBe('CONFLICT');
    expect(blind.errors?.[0].extensions).toMatchObject({
      currentVersion: 1,
      enterpriseId: ent('e1'),
    });

    const renamed = await supervisor.graphql<{ upsertEnterprise: EnterpriseOut }>(UPSERT, {
      input: enterpriseInput({ uscc, lon, lat, name: '改名', expectedVersion: 1 }),
    });
    expect(renamed.errors).toBeUndefined();
    expect(renamed.data!.upsertEnterprise).toMatchObject({
      id: ent('e1'),
      name: '改名',
      version: 2,
    });

    const [x, y] = at(150, 60);
    const moved = await supervisor.graphql<{ moveEnterprise: EnterpriseOut }>(MOVE, {
      id: ent('e1'),
      lon: x,
      lat: y,
      v: 2,
    });
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.moveEnterprise).toMatchObject({ version: 3, baseGrid: { code: 'C01-02' } });
    const stale = await supervisor.graphql(MOVE, { id: ent('e1'), lon: x, lat: y, v: 2 });
    expect(codeOf(stale.errors)).toBe('CONFLICT');
    expect(stale.errors?.[0].extensions).toMatchObject({ currentVersion: 3 });

    expect(await storedRules(spec.db, grid('C02'))).toContain('ENTERPRISE_UNCOVERED');
    const [ux, uy] = at(250, 150);
    const covered = await supervisor.graphql<{ moveEnterprise: EnterpriseOut }>(MOVE, {
      id: ent('e7'),
      lon: ux,
      lat: uy,
      v: 1,
    });
    expect(covered.data!.moveEnterprise.baseGrid).toEqual({ code: 'C02-01' });
    expect(await storedRules(spec.db, grid('C02'))).not.toContain('ENTERPRISE_UNCOVERED');
    const actions = await q(`SELECT action FROM audit_log ORDER BY id`);
    expect(actions.map((a: { action: string }) => a.action)).toEqual([
      'UPSERT_ENTERPRISE',
      'MOVE_ENTERPRISE',
      'MOVE_ENTERPRISE',
    ]);
    await expectAuditConsistent();
  });

  it('creates and updates people with checked phone numbers; only SUPERVISOR and ADMIN may', async () => {
    const supervisor = await as('SUPERVISOR');
    const before = await fingerprint(spec.db);
    const bad = await supervisor.graphql(CREATE_PERSON, { input: { name: '张三', phone: '123' } });
    expect(codeOf(bad.errors)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].message).toMatch(/"phone": "123" is not a phone number/);
    const planner = await (await as('PLANNER')).graphql(CREATE_PERSON, { input: { name: '张三' } });
    expect(codeOf(planner.errors)).toBe('FORBIDDEN');
    expect(await fingerprint(spec.db)).toEqual(before);

    const created = await supervisor.graphql<{ createPerson: { id: string; phone: string } }>(
      CREATE_PERSON,
      {
        input: { name: '张三', phone: '0539-2251234' },
      },
    );
    expect(created.data!.createPerson).toMatchObject({ phone: '0539-2251234' });
    const updated = await supervisor.graphql<{ updatePerson: { name: string; phone: string } }>(
      UPDATE_PERSON,
      {
        id: created.data!.createPerson.id,
        input: { phone: '+86 13800138000' },
      },
    );
    expect(updated.data!.updatePerson).toEqual({
      id: created.data!.createPerson.id,
      name: '张三',
      phone: '+86 13800138000',
    });
    const log = await q(
      `SELECT action, before ->> 'phone' AS was, after ->> 'phone' AS now FROM audit_log ORDER BY id`,
    );
    expect(log).toEqual([
      { action: 'CREATE_PERSON', was: null, now: '0539-2251234' },
      { action: 'UPDATE_PERSON', was: '0539-2251234', now: '+86 13800138000' },
    ]);
  });

  it('staffs a grid by assignment and unstaffs it by ending it, through the incremental audit; ended assignments stay', async () => {
    const created = await (
      await as('ADMIN')
    ).graphql<{ createGrid: { id: string } }>(CREATE_GRID, {
      input: {
        parentId: grid('C02'),
        name: '新网格',
        boundary: box(300, 0, 400, 200),
        sizeExempt: true,
      },
    });
    const gridId = created.data!.createGrid.id;
    expect(await storedRules(spec.db, gridId)).toContain('GRID_UNSTAFFED');
    const supervisor = await as('SUPERVISOR', 'C02');
    const person = await supervisor.graphql<{ createPerson: { id: string } }>(CREATE_PERSON, {
      input: { name: '李四', phone: '13900000000' },
    });
    const personId = person.data!.createPerson.id;

    const assigned = await supervisor.graphql<{
      assignPerson: { id: string; grid: { code: string }; person: { name: string } };
    }>(ASSIGN, {
      g: gridId,
      p: personId,
      role: 'OFFICER',
    });
    expect(assigned.errors).toBeUndefined();
    expect(assigned.data!.assignPerson).toMatchObject({
      grid: { code: 'C02-02' },
      person: { name: '李四' },
    });
    expect(await storedRules(spec.db, gridId)).not.toContain('GRID_UNSTAFFED');
    await expectAuditConsistent();

    const twice = await supervisor.graphql(ASSIGN, { g: gridId, p: personId, role: 'OFFICER' });
    expect(twice.errors?.[0].message).toMatch(/李四 already holds OFFICER/);
    const away = await (
      await as('SUPERVISOR', 'C01')
    ).graphql(ASSIGN, { g: gridId, p: personId, role: 'LEADER' });
    expect(codeOf(away.errors)).toBe('FORBIDDEN');
    const officer = await (
      await as('OFFICER', 'C02')
    ).graphql(ASSIGN, { g: gridId, p: personId, role: 'LEADER' });
    expect(codeOf(officer.errors)).toBe('FORBIDDEN');

    const ended = await supervisor.graphql<{ endAssignment: { until: string } }>(END, {
      id: assigned.data!.assignPerson.id,
    });
    expect(ended.errors).toBeUndefined();
    expect(ended.data!.endAssignment.until).not.toBeNull();
    expect(await storedRules(spec.db, gridId)).toContain('GRID_UNSTAFFED');
    const again = await supervisor.graphql(END, { id: assigned.data!.assignPerson.id });
    expect(again.errors?.[0].message).toMatch(/already ended/);
    expect(
      await q(`SELECT count(*)::int AS n FROM grid_assignment WHERE grid_id = $1`, [gridId]),
    ).toEqual([{ n: 1 }]);
    const actions = await q(
      `SELECT action FROM audit_log WHERE entity_type = 'GRID_ASSIGNMENT' ORDER BY id`,
    );
    expect(actions).toEqual([{ action: 'ASSIGN_PERSON' }, { action: 'END_ASSIGNMENT' }]);
    await expectAuditConsistent();
  });

  it('closes and reopens a responsibility gap (SECTOR_UNASSIGNED) by adding and removing a sector rule', async () => {
    const admin = await as('ADMIN');
    const registered = await admin.graphql<{ upsertEnterprise: EnterpriseOut }>(UPSERT, {
      input: enterpriseInput({ industryCode: 'T9600', name: '国际组织' }),
    });
    const id = registered.data!.upsertEnterprise.id;
    const unassigned = async () =>
      (
        await q(
          `SELECT count(*)::int AS n FROM coverage_violation WHERE rule = 'SECTOR_UNASSIGNED' AND focus_id = $1`,
          [id],
        )
      )[0].n;
    expect(await unassigned()).toBe(1);

    const department = await admin.graphql<{ upsertDepartment: { id: string; code: string } }>(
      UPSERT_DEPARTMENT,
      {
        input: { code: 'foreign_affairs', nameZh: '外事办', nameEn: 'Foreign affairs office' },
      },
    );
    expect(department.data!.upsertDepartment).toMatchObject({ code: 'FOREIGN_AFFAIRS' });
    const departmentId = department.data!.upsertDepartment.id;
    const rule = await admin.graphql<{ addSectorRule: { id: string } }>(ADD_RULE, {
      input: { departmentId, industryPrefix: 't96' },
    });
    expect(rule.errors).toBeUndefined();
    expect(await unassigned()).toBe(0);
    await expectAuditConsistent();

    const duplicate = await admin.graphql(ADD_RULE, {
      input: { departmentId, industryPrefix: 'T96' },
    });
    expect(duplicate.errors?.[0].message).toMatch(/already has the rule T96/);
    const malformed = await admin.graphql(ADD_RULE, {
      input: { departmentId, industryPrefix: 'Z1' },
    });
    expect(malformed.errors?.[0].message).toMatch(
      /"industryPrefix" must be a GB\/T 4754-2017 section letter/,
    );
    const both = await admin.graphql(ADD_RULE, {
      input: { departmentId, industryPrefix: 'T', enterpriseClass: 'NINE_SMALL' },
    });
    expect(both.errors?.[0].message).toMatch(/exactly one of/);

    const renamed = await admin.graphql<{
      upsertDepartment: { id: string; nameZh: string; sectorRules: unknown[] };
    }>(UPSERT_DEPARTMENT, {
      input: { code: 'FOREIGN_AFFAIRS', nameZh: '外事办公室', nameEn: 'Foreign affairs office' },
    });
    expect(renamed.data!.upsertDepartment).toMatchObject({
      id: departmentId,
      nameZh: '外事办公室',
      sectorRules: [{ industryPrefix: 'T96' }],
    });

    const removed = await admin.graphql(REMOVE_RULE, { id: rule.data!.addSectorRule.id });
    expect(removed.errors).toBeUndefined();
    expect(await unassigned()).toBe(1);
    await expectAuditConsistent();

    const supervisor = await (
      await as('SUPERVISOR')
    ).graphql(ADD_RULE, { input: { departmentId, industryPrefix: 'T' } });
    expect(codeOf(supervisor.errors)).toBe('FORBIDDEN');
    const actions = await q(
      `SELECT action, entity_type FROM audit_log WHERE entity_type <> 'ENTERPRISE' ORDER BY id`,
    );
    expect(actions).toEqual([
      { action: 'UPSERT_DEPARTMENT', entity_type: 'DEPARTMENT' },
      { action: 'ADD_SECTOR_RULE', entity_type: 'SECTOR_RULE' },
      { action: 'UPSERT_DEPARTMENT', entity_type: 'DEPARTMENT' },
      { action: 'REMOVE_SECTOR_RULE', entity_type: 'SECTOR_RULE' },
    ]);
  });

  it('renames a grid level and sets its enterprise classes (ADMIN only, known classes only)', async () => {
    const admin = await as('ADMIN');
    const res = await admin.graphql(UPDATE_LEVEL, {
      input: {
        level: 3,
        nameZh: '基础网格',
        nameEn: 'base grid',
        enterpriseClasses: ['NINE_SMALL', 'MICRO_INDIVIDUAL'],
      },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      updateGridLevel: {
        level: 3,
        nameZh: '基础网格',
        nameEn: 'base grid',
        enterpriseClasses: ['NINE_SMALL', 'MICRO_INDIVIDUAL'],
      },
    });
    const before = await fingerprint(spec.db);
    const unknown = await admin.graphql(UPDATE_LEVEL, {
      input: { level: 3, enterpriseClasses: ['SMALL_SHOPS'] },
    });
    expect(unknown.errors?.[0].message).toMatch(/unknown enterprise class SMALL_SHOPS/);
    const missing = await admin.graphql(UPDATE_LEVEL, { input: { level: 7, nameZh: '七' } });
    expect(codeOf(missing.errors)).toBe('NOT_FOUND');
    const planner = await (
      await as('PLANNER')
    ).graphql(UPDATE_LEVEL, { input: { level: 3, nameZh: 'x' } });
    expect(codeOf(planner.errors)).toBe('FORBIDDEN');
    expect(await fingerprint(spec.db)).toEqual(before);
    const [log] = await q(`SELECT action, entity_id, before ->> 'nameEn' AS was FROM audit_log`);
    expect(log).toEqual({ action: 'UPDATE_GRID_LEVEL', entity_id: '3', was: 'level 3' });
  });
});
