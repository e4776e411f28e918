/**
 * End-to-end: the built server (with the embedded database and demo county) serves the
 * built client; Debian's chromium opens the map and we check what a user would see.
 * Needs `npm run build` first. Screenshots go to artifacts/e2e/.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { crc32, deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import type { GridwardenMapState } from '../src/map/map-state.types';
import { enterpriseBand } from '../src/panels/workbench/panel-model';
import { DEMO_USERS, e2eSession, MAP_READY_TIMEOUT_MS } from './support';

type MapState = Pick<
  GridwardenMapState,
  'ready' | 'readyAt' | 'gridCount' | 'enterpriseCount' | 'gridCountByLevel'
>;
/** Where the map first showed the whole territory. */
let home: { lon: number; lat: number; zoom: number };

const TIANDITU_TEST_KEY = 'e2eTiandituKey0123';
// a basemap key, so the layer panel offers Tianditu (its tiles are answered in the test)
const session = e2eSession({ env: { TIANDITU_KEY: TIANDITU_TEST_KEY } });
let page: Page;
let baseUrl: string;
beforeAll(() => {
  page = session.page;
  baseUrl = session.baseUrl;
});

/** A one-colour 256 × 256 PNG, standing in for Tianditu's tiles (no internet in tests). */
function solidPng([r, g, b]: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(256, 0);
  header.writeUInt32BE(256, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(256 * 3).fill(Buffer.from([r, g, b]))]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: 256 }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The demo admin; the API calls below run as them. */
const ADMIN = DEMO_USERS.admin;

const graphql = session.graphql;
const screenshot = session.screenshot;

describe('the map page', () => {
  let state: MapState;

  it('asks for a login first and refuses a wrong password', async () => {
    await page.goto(`${baseUrl}/`);
    const form = page.getByTestId('login-form');
    await form.waitFor({ state: 'visible', timeout: 30_000 });
    await expect(page.locator('.login-brand h1').innerText()).resolves.toBe('网格卫士');
    await screenshot('login-zh');
    await page.locator('input[name=username]').fill(ADMIN.username);
    await page.locator('input[name=password]').fill('not-the-password');
    await page.locator('button[type=submit]').click();
    const error = page.getByTestId('login-error');
    await error.waitFor({ state: 'visible', timeout: 10_000 });
    await expect(error.innerText()).resolves.toBe('用户名或密码错误');
    await screenshot('login-refused');
    await expect(page.evaluate(() => localStorage.getItem('gridwarden.token'))).resolves.toBeNull();
  });

  it('logs in as the demo admin and keeps the token where the tiles look for it', async () => {
    await page.locator('input[name=password]').fill(ADMIN.password);
    await page.locator('button[type=submit]').click();
    await page.locator('.brand-name').waitFor({ state: 'visible', timeout: 10_000 });
    session.token = await page.evaluate(() => localStorage.getItem('gridwarden.token'));
    expect(session.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const user = page.getByTestId('user-name');
    await user.waitFor({ state: 'visible', timeout: 10_000 });
    await expect(user.innerText()).resolves.toBe('admin · 管理员');
  });

  it('draws grid, cluster and label tiles of the whole territory, counted as the API counts', async () => {
    await expect(page.locator('.brand-name').innerText()).resolves.toContain('网格卫士');
    await page.waitForFunction(() => window.__gridwarden?.ready === true, null, {
      timeout: MAP_READY_TIMEOUT_MS,
    });
    // the legend's counts arrive beside the first tiles
    await page.waitForFunction(() => (window.__gridwarden?.enterpriseCount ?? 0) > 0);
    await page.waitForFunction(() => window.__gridwarden!.renderedFeatures().clusters > 0);
    await screenshot('map-zh');
    state = await page.evaluate(() => {
      const { ready, readyAt, gridCount, enterpriseCount, gridCountByLevel } = window.__gridwarden!;
      return { ready, readyAt, gridCount, enterpriseCount, gridCountByLevel };
    });

    const totals = await graphql<{
      gridLevels: { level: number }[];
      enterprises: { totalCount: number };
    }>(
      'E2eTotals',
      'query E2eTotals { gridLevels { level } enterprises(first: 1) { totalCount } }',
    );
    const gridTotals: Record<number, number> = {};
    for (const { level } of totals.gridLevels) {
      const { grids } = await graphql<{ grids: { totalCount: number } }>(
        'E2eGridTotal',
        'query E2eGridTotal($level: Int!) { grids(level: $level, first: 1) { totalCount } }',
        { level },
      );
      gridTotals[level] = grids.totalCount;
    }
    expect(state.gridCountByLevel).toEqual(gridTotals);
    expect(state.gridCount).toBe(Object.values(gridTotals).reduce((sum, n) => sum + n, 0));
    expect(state.enterpriseCount).toBe(totals.enterprises.totalCount);
    await expect(page.getByTestId('load-status').count()).resolves.toBe(0);

    // The county fits the window at about zoom 10: county, towns and villages, enterprise clusters.
    home = await page.evaluate(() => window.__gridwarden!.view());
    expect(home.zoom).toBeGreaterThanOrEqual(9);
    expect(home.zoom).toBeLessThan(12);
    const rendered = await page.evaluate(() => window.__gridwarden!.renderedFeatures());
    expect(rendered.gridsByLevel[1]).toBe(1);
    expect(rendered.gridsByLevel[2]).toBe(gridTotals[2]);
    expect(rendered.gridsByLevel[4]).toBe(0);
    expect(rendered.gridLabels).toBeGreaterThan(10);
    expect(rendered.enterprises).toBe(0);
    expect(rendered.clusteredEnterprises).toBeGreaterThan(state.enterpriseCount * 0.9);
    expect(rendered.clusteredEnterprises).toBeLessThanOrEqual(state.enterpriseCount);
    for (const rule of ['GAP', 'OVERLAP', 'OUTSIDE_PARENT', 'ENTERPRISE_MULTI_COVERED']) {
      expect([rule, rendered.violationsByRule[rule]]).toEqual([rule, 3]);
    }
  });

  it('draws single enterprises and base grids zoomed in, and names the grid under the pointer', async () => {
    const { enterprises } = await graphql<{
      enterprises: { edges: { node: { lon: number; lat: number; baseGridId: string | null } }[] };
    }>(
      'E2eEnterpriseSample',
      'query E2eEnterpriseSample { enterprises(first: 50) { edges { node { lon lat baseGridId } } } }',
    );
    const sample = enterprises.edges.map((e) => e.node).find((e) => e.baseGridId !== null);
    if (!sample) throw new Error('none of the first 50 enterprises has a base grid');
    const { grid } = await graphql<{ grid: { name: string; level: number } }>(
      'E2eGrid',
      'query E2eGrid($id: ID!) { grid(id: $id) { name level } }',
      { id: sample.baseGridId },
    );
    await page.evaluate(([lon, lat]) => window.__gridwarden!.jumpTo(lon, lat, 14), [
      sample.lon,
      sample.lat,
    ] as const);
    const rendered = await page.evaluate(() => window.__gridwarden!.renderedFeatures());
    expect(rendered.enterprises).toBeGreaterThan(10);
    expect(rendered.clusters).toBe(0);
    expect(rendered.gridsByLevel[grid.level]).toBeGreaterThan(0);
    await screenshot('map-z14');

    // Hide the points so the pointer lands on the grid, not on an enterprise.
    await page.getByTestId('layer-toggle-enterprises').locator('input').uncheck();
    const point = await page.evaluate(([lon, lat]) => window.__gridwarden!.project(lon, lat), [
      sample.lon,
      sample.lat,
    ] as const);
    const box = await page.locator('.map-container').boundingBox();
    if (!box) throw new Error('map container is not visible');
    await page.mouse.move(box.x + point.x - 5, box.y + point.y - 5);
    await page.mouse.move(box.x + point.x, box.y + point.y, { steps: 5 });

    const name = page.getByTestId(`tooltip-grid-${grid.level}`);
    await name.waitFor({ state: 'visible', timeout: 10_000 });
    await expect(name.innerText()).resolves.toBe(grid.name);
    await screenshot('map-hover');
    await page.getByTestId('layer-toggle-enterprises').locator('input').check();
    await page.mouse.move(2, 2);
  });

  it('hatches a planted gap red, and the layer switch hides it', async () => {
    await page.evaluate((h) => window.__gridwarden!.jumpTo(h.lon, h.lat, h.zoom), home);
    const gaps = await page.evaluate(() => window.__gridwarden!.loadedViolations('GAP'));
    expect(gaps.length).toBeGreaterThan(0);
    const gap = gaps[0];
    await page.evaluate(([lon, lat]) => window.__gridwarden!.jumpTo(lon, lat, 16), [
      gap.lon,
      gap.lat,
    ] as const);
    const drawn = (expected: 'some' | 'none') =>
      page.waitForFunction(
        (want) =>
          window.__gridwarden!.renderedFeatures().violationsByRule.GAP > 0 === (want === 'some'),
        expected,
        { timeout: 10_000 },
      );
    await drawn('some');
    await screenshot('gap-hatched');
    await page.getByTestId('layer-toggle-GAP').locator('input').uncheck();
    await drawn('none');
    await page.getByTestId('layer-toggle-GAP').locator('input').check();
    await drawn('some');
  });

  it('marks uncovered and double-covered enterprises red', async () => {
    for (const rule of ['ENTERPRISE_UNCOVERED', 'ENTERPRISE_MULTI_COVERED']) {
      await page.evaluate((h) => window.__gridwarden!.jumpTo(h.lon, h.lat, h.zoom), home);
      const found = await page.evaluate((r) => window.__gridwarden!.loadedViolations(r), rule);
      expect([rule, found.length]).toEqual([rule, 3]);
      await page.evaluate(([lon, lat]) => window.__gridwarden!.jumpTo(lon, lat, 15), [
        found[0].lon,
        found[0].lat,
      ] as const);
      const rendered = await page.evaluate(() => window.__gridwarden!.renderedFeatures());
      expect([rule, rendered.violationsByRule[rule]]).toEqual([rule, 1]);
      await screenshot(`marker-${rule.toLowerCase()}`);
    }
  });

  it('lays Tianditu imagery under the grids when chosen, without sending it the session token', async () => {
    const requests: { url: URL; authorization: string | undefined }[] = [];
    const imagery = solidPng([62, 92, 58]);
    await page.route('https://*.tianditu.gov.cn/**', (route) => {
      requests.push({
        url: new URL(route.request().url()),
        authorization: route.request().headers()['authorization'],
      });
      return route.fulfill({ status: 200, contentType: 'image/png', body: imagery });
    });
    await page.evaluate((h) => window.__gridwarden!.jumpTo(h.lon, h.lat, h.zoom), home);
    await expect(page.locator('input[name=basemap]').count()).resolves.toBe(3);
    await page.getByTestId('basemap-tianditu-imagery').locator('input').check();
    await page.waitForFunction(() => window.__gridwarden!.renderedFeatures().gridsByLevel[2] > 0);
    await page.evaluate((h) => window.__gridwarden!.jumpTo(h.lon, h.lat, h.zoom + 0.01), home);
    expect(requests.length).toBeGreaterThan(0);
    const paths = new Set(requests.map((r) => r.url.pathname));
    expect([...paths].sort()).toEqual(['/cia_w/wmts', '/img_w/wmts']);
    for (const { url, authorization } of requests) {
      expect(url.host).toMatch(/^t[0-7]\.tianditu\.gov\.cn$/);
      expect(url.searchParams.get('tk')).toBe(TIANDITU_TEST_KEY);
      expect(url.searchParams.get('TILEMATRIXSET')).toBe('w');
      expect(authorization).toBeUndefined();
    }
    await screenshot('basemap-imagery');
    await page.getByTestId('basemap-none').locator('input').check();
    await page.unroute('https://*.tianditu.gov.cn/**');
  });

  it('switches to English', async () => {
    await page.evaluate((h) => window.__gridwarden!.jumpTo(h.lon, h.lat, h.zoom), home);
    await page.mouse.move(2, 2);
    await page.getByTestId('language-switch').click();
    await expect(page.locator('#layers-title').innerText()).resolves.toBe('Layers');
    await expect(page.locator('#legend-title').innerText()).resolves.toBe('Enterprise classes');
    await expect(page.getByTestId('header-summary').innerText()).resolves.toMatch(
      /^[\d,]+ grids · [\d,]+ enterprises$/,
    );
    await screenshot('map-en');
  });

  it('goes back to the login screen when the server refuses the token', async () => {
    // a token that looks valid to the browser (unexpired) but was not signed by the server
    const [header, payload] = (session.token ?? '').split('.');
    await page.evaluate(
      (forged) => localStorage.setItem('gridwarden.token', forged),
      `${header}.${payload}.forged`,
    );
    await page.reload();
    await page.getByTestId('login-form').waitFor({ state: 'visible', timeout: 30_000 });
    await expect(page.evaluate(() => localStorage.getItem('gridwarden.token'))).resolves.toBeNull();
  });

  it('logs out back to the login screen', async () => {
    await page.locator('input[name=username]').fill(ADMIN.username);
    await page.locator('input[name=password]').fill(ADMIN.password);
    await page.locator('button[type=submit]').click();
    await page.getByTestId('logout').click();
    await page.getByTestId('login-form').waitFor({ state: 'visible', timeout: 10_000 });
    await expect(page.locator('button[type=submit]').innerText()).resolves.toBe('Log in');
    await expect(page.evaluate(() => localStorage.getItem('gridwarden.token'))).resolves.toBeNull();
    await screenshot('login-en');
  });
});

/** The demo supervisor of README "Users and roles": reads the whole county. */
const SUPERVISOR = { username: 'supervisor', password: 'supervisor-demo-2026' };

/** Centres the map on a place at zoom 15 and clicks it. */
async function clickMapAt({ lon, lat }: { lon: number; lat: number }): Promise<void> {
  await page.evaluate(([x, y]) => window.__gridwarden!.jumpTo(x, y, 15), [lon, lat] as const);
  const point = await page.evaluate(([x, y]) => window.__gridwarden!.project(x, y), [
    lon,
    lat,
  ] as const);
  const box = await page.locator('.map-container').boundingBox();
  if (!box) throw new Error('map container is not visible');
  await page.mouse.click(box.x + point.x, box.y + point.y);
}

describe('the side panels, as the supervisor', () => {
  let home: { lon: number; lat: number; zoom: number };
  /** A place in a staffed base grid, found by the "who is responsible here" test. */
  let spot: { lon: number; lat: number } | undefined;
  const view = () => page.evaluate(() => window.__gridwarden!.view());

  it('logs in as the supervisor in Chinese and shows the panel with the map', async () => {
    // whatever the tests before left behind: logged out, in Chinese
    await page.goto(`${baseUrl}/`);
    await page.evaluate(() => {
      localStorage.removeItem('gridwarden.token');
      localStorage.setItem('gridwarden.locale', 'zh-CN');
    });
    await page.reload();
    await page.getByTestId('login-form').waitFor({ state: 'visible', timeout: 30_000 });
    await expect(page.locator('button[type=submit]').innerText()).resolves.toBe('登录');
    await page.locator('input[name=username]').fill(SUPERVISOR.username);
    await page.locator('input[name=password]').fill(SUPERVISOR.password);
    await page.locator('button[type=submit]').click();
    await page.waitForFunction(() => window.__gridwarden?.ready === true, null, {
      timeout: MAP_READY_TIMEOUT_MS,
    });
    session.token = await page.evaluate(() => localStorage.getItem('gridwarden.token'));
    await expect(page.getByTestId('user-name').innerText()).resolves.toBe('supervisor · 监管人员');
    await page.getByTestId('workbench').waitFor({ state: 'visible' });
    await expect(page.getByTestId('tab-grids').innerText()).resolves.toBe('网格');
    // a supervisor manages people: not read-only
    await expect(page.getByTestId('read-only').count()).resolves.toBe(0);
    home = await view();
  });

  it('lists the planted defects grouped by rule and town, and zooms to one', async () => {
    const { violations } = await graphql<{
      violations: { countsByRule: { rule: string; count: number }[] };
    }>('E2eCounts', 'query E2eCounts { violations(first: 1) { countsByRule { rule count } } }');
    const expected = violations.countsByRule.filter((c) => c.count > 0);
    expect(expected.find((c) => c.rule === 'GAP')?.count).toBe(3);

    await page.getByTestId('tab-violations').click();
    await page.getByTestId('rule-group-GAP').waitFor({ state: 'visible', timeout: 20_000 });
    const shown = await page.locator('[data-testid^=rule-group-]').evaluateAll((nodes) =>
      nodes.map((n) => ({
        rule: n.getAttribute('data-testid')!.replace('rule-group-', ''),
        count: Number(n.querySelector('.ant-badge')?.textContent ?? 'NaN'),
        label: n.textContent,
      })),
    );
    expect(
      shown
        .map(({ rule, count }) => ({ rule, count }))
        .sort((a, b) => a.rule.localeCompare(b.rule)),
    ).toEqual(expected.sort((a, b) => a.rule.localeCompare(b.rule)));
    expect(shown.find((g) => g.rule === 'GAP')?.label).toContain('空白区');

    await page.getByTestId('rule-group-GAP').click();
    const gaps = page.locator('.ant-collapse-item-active [data-testid^=violation-]');
    await gaps.first().waitFor({ state: 'visible' });
    await expect(gaps.count()).resolves.toBe(3);
    // the town headings of the county's gaps
    await expect(
      page.locator('.ant-collapse-item-active .wb-town h5').count(),
    ).resolves.toBeGreaterThan(0);
    await gaps.first().click();
    await page.waitForFunction((z) => window.__gridwarden!.view().zoom > z + 2, home.zoom, {
      timeout: 10_000,
    });
    await page.waitForFunction(
      () => window.__gridwarden!.renderedFeatures().violationsByRule.GAP > 0,
    );
    await screenshot('panels-violations');
  });

  it('filters the uncovered enterprises in the ledger and opens one on the map', async () => {
    const { enterprises } = await graphql<{
      enterprises: {
        totalCount: number;
        edges: { node: { id: string; name: string; lon: number; lat: number } }[];
      };
    }>(
      'E2eUncovered',
      'query E2eUncovered { enterprises(uncoveredOnly: true, first: 20) { totalCount edges { node { id name lon lat } } } }',
    );
    expect(enterprises.totalCount).toBe(3);

    await page.getByTestId('tab-ledger').click();
    await page.locator('[data-testid=ledger] .ant-table-row').first().waitFor({ state: 'visible' });
    await page.getByTestId('ledger-uncovered').click();
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid=ledger] .ant-table-row').length === n,
      enterprises.totalCount,
    );
    await expect(page.getByTestId('ledger-total').innerText()).resolves.toContain('共 3 家');
    await expect(page.getByTestId('uncovered-tag').count()).resolves.toBe(3);
    const names = await page
      .locator('[data-testid=ledger] .wb-ledger-name > span:first-child')
      .allInnerTexts();
    expect(names).toEqual(enterprises.edges.map((e) => e.node.name));

    await page.locator('[data-testid=ledger] .ant-table-row').first().click();
    const card = page.getByTestId('enterprise-card');
    await card.waitFor({ state: 'visible' });
    await expect(card.locator('h3').innerText()).resolves.toBe(enterprises.edges[0].node.name);
    const target = enterprises.edges[0].node;
    await page.waitForFunction(
      ([lon, lat]) => {
        const v = window.__gridwarden!.view();
        return v.zoom > 14 && Math.abs(v.lon - lon) < 0.02 && Math.abs(v.lat - lat) < 0.02;
      },
      [target.lon, target.lat] as const,
      { timeout: 10_000 },
    );
    await page.waitForFunction(
      () => window.__gridwarden!.renderedFeatures().violationsByRule.ENTERPRISE_UNCOVERED > 0,
    );
    await screenshot('panels-ledger-uncovered');
  });

  it('answers "who is responsible here" for a clicked place with the grid chain and its people', async () => {
    const { grids } = await graphql<{
      grids: {
        edges: {
          node: {
            id: string;
            name: string;
            level: number;
            people: { person: { name: string } | null }[];
          };
        }[];
      };
    }>(
      'E2eStaffed',
      'query E2eStaffed { grids(level: 4, first: 50) { edges { node { id name level people { person { name } } } } } }',
    );
    const staffed = grids.edges.map((e) => e.node).find((g) => g.people.some((p) => p.person));
    if (!staffed) throw new Error('no staffed base grid among the first 50');
    const { enterprises } = await graphql<{
      enterprises: { edges: { node: { lon: number; lat: number } }[] };
    }>(
      'E2eInGrid',
      'query E2eInGrid($id: ID!) { enterprises(gridId: $id, first: 1) { edges { node { lon lat } } } }',
      { id: staffed.id },
    );
    spot = enterprises.edges[0]?.node;
    if (!spot) throw new Error(`no enterprise in ${staffed.name}`);
    await clickMapAt(spot);

    const chain = page.getByTestId('locate-chain');
    await chain.waitFor({ state: 'visible', timeout: 10_000 });
    const items = chain.locator(':scope > li');
    await expect(items.count()).resolves.toBe(4);
    await expect(items.last().locator('strong').innerText()).resolves.toBe(staffed.name);
    const people = await items.last().locator('.wb-person-name').allInnerTexts();
    expect(people).toEqual(
      expect.arrayContaining(staffed.people.flatMap((p) => (p.person ? [p.person.name] : []))),
    );
    await expect(page.getByTestId('locate-distance').innerText()).resolves.toMatch(
      /^距基础网格边界 [\d,.]+ (m|km)$/,
    );
    // the supervisor sees phones in full
    const phones = await chain.locator('.wb-phone').allInnerTexts();
    expect(phones.length).toBeGreaterThan(0);
    expect(phones.filter((p) => p.includes('*'))).toEqual([]);
    await screenshot('panels-locate');
  });

  it('finds a grid in the tree and opens its card: people, enterprises against the band, versions', async () => {
    const { grids } = await graphql<{
      grids: {
        edges: {
          node: {
            name: string;
            code: string;
            enterpriseCount: number;
            sizeExempt: boolean;
            people: { person: { name: string } | null }[];
          };
        }[];
      };
    }>(
      'E2eCardGrid',
      'query E2eCardGrid { grids(level: 4, first: 1) { edges { node { name code enterpriseCount sizeExempt people { person { name } } } } } }',
    );
    const grid = grids.edges[0].node;
    await page.getByTestId('tab-grids').click();
    await page.getByTestId('grid-search').locator('input').fill(grid.name);
    await page.getByTestId('grid-search').locator('input').press('Enter');
    await page.getByTestId(`tree-grid-${grid.code}`).click();
    const card = page.getByTestId('grid-card');
    await card.waitFor({ state: 'visible', timeout: 10_000 });
    await expect(card.locator('h3').innerText()).resolves.toBe(grid.name);
    await expect(card.getByTestId('grid-enterprise-count').innerText()).resolves.toContain(
      `${grid.enterpriseCount} 家`,
    );
    const band = enterpriseBand(grid.enterpriseCount, {
      isBase: true,
      sizeExempt: grid.sizeExempt,
    });
    await expect(card.getByTestId(`band-${band}`).count()).resolves.toBe(1);
    const people = await card.locator('.wb-person-name').allInnerTexts();
    expect(people).toEqual(grid.people.map((p) => p.person?.name ?? '—'));
    await expect(card.locator('.wb-history li').count()).resolves.toBeGreaterThan(0);
    await screenshot('panels-grid-card');
  });

  it('shows the panels in English after the switch', async () => {
    await page.getByTestId('tab-locate').click();
    await page.getByTestId('language-switch').click();
    await expect(page.getByTestId('tab-locate').innerText()).resolves.toBe('Who’s responsible?');
    await expect(page.getByTestId('tab-ledger').innerText()).resolves.toBe('Ledger');
    await expect(page.getByTestId('locate-distance').innerText()).resolves.toMatch(
      /from the base grid’s edge$/,
    );
    await page.waitForTimeout(400); // the tab bar's ink moves after the labels changed width
    await screenshot('panels-locate-en');
    await page.getByTestId('tab-violations').click();
    await expect(page.getByTestId('rule-group-GAP').innerText()).resolves.toContain(
      'Gap (no grid)',
    );
    await page.waitForTimeout(400);
    await screenshot('panels-violations-en');
    await page.getByTestId('tab-dashboard').click();
    await page.getByTestId('dashboard').waitFor({ state: 'visible', timeout: 10_000 });
    await expect(page.locator('[data-testid=dashboard] th').first().innerText()).resolves.toBe(
      'Rank',
    );
    const scores = await page.getByTestId('town-score').allInnerTexts();
    expect(scores.length).toBeGreaterThan(1);
    expect(scores.map(Number)).toEqual([...scores.map(Number)].sort((a, b) => a - b));
    await screenshot('panels-dashboard-en');
  });

  it('shows an integrator no edit rights and the phones masked', async () => {
    if (!spot) throw new Error('the "who is responsible here" test found no place');
    await page.getByTestId('logout').click();
    await page.locator('input[name=username]').fill('integrator');
    await page.locator('input[name=password]').fill('integrator-demo-2026');
    await page.locator('button[type=submit]').click();
    await page.waitForFunction(() => window.__gridwarden?.ready === true, null, {
      timeout: MAP_READY_TIMEOUT_MS,
    });
    await page.getByTestId('read-only').waitFor({ state: 'visible' });
    await clickMapAt(spot);
    const chain = page.getByTestId('locate-chain');
    await chain.waitFor({ state: 'visible', timeout: 10_000 });
    const phones = await chain.locator('.wb-phone').allInnerTexts();
    expect(phones.length).toBeGreaterThan(0);
    for (const phone of phones) expect(phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    await screenshot('panels-integrator-masked');
  });
});

describe('shutting down', () => {
  it('stops on SIGTERM by itself, exit code 0, within 10 s (Apollo must not swallow the signal)', async () => {
    const exit = await session.stopServer();
    expect({ code: exit.code, killed: exit.killed }).toEqual({ code: 0, killed: false });
    expect(exit.ms).toBeLessThan(10_000);
    expect(session.serverLog()).toMatch(/SIGTERM: stopping/);
  });
});
