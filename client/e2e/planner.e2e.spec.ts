/**
 * End-to-end, as a planner: find a planted gap, draw a grid over it on the map (mouse
 * clicks on the canvas), preview (the gap is reported closed), save, and the GAP is gone.
 * The demo planner's town (the first by code) holds no planted gap, so the demo admin makes a
 * planner account for the town that does (createUser), and the test logs in as it.
 * Needs `npm run build` first. Screenshots go to artifacts/e2e/planner-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, VIEWPORT } from './chromium';
import {
  ARTIFACTS,
  DEMO_USERS,
  graphqlAt,
  MAP_READY_TIMEOUT_MS,
  SERVER_START_TIMEOUT_MS,
  startE2eServer,
  type E2eServer,
} from './support';

type Geometry =
  | { type: 'Polygon'; coordinates: number[][][] }
  | { type: 'MultiPolygon'; coordinates: number[][][][] };
interface Gap {
  id: string;
  measure: number;
  geometry: Geometry;
  grids: { id: string; level: number; parentId: string | null }[];
}

const PLANNER = { username: 'gap.planner', password: 'gap-planner-2026' };

let server: E2eServer | undefined;
let browser: Browser | undefined;
let page: Page;
let token: string | null = null;

const graphql = <T>(operationName: string, query: string, variables: object = {}) =>
  graphqlAt<T>(server!.baseUrl, token, operationName, query, variables);
const screenshot = (name: string) =>
  page.screenshot({ path: join(ARTIFACTS, `planner-${name}.png`) });

async function gaps(): Promise<Gap[]> {
  const { violations } = await graphql<{ violations: { edges: { node: Gap }[] } }>(
    'E2eGaps',
    'query E2eGaps { violations(rules: [GAP], first: 1000) { edges { node { id measure geometry grids { id level parentId } } } } }',
  );
  return violations.edges.map((e) => e.node);
}

function bboxOf(geometry: Geometry): [number, number, number, number] {
  const points =
    geometry.type === 'Polygon' ? geometry.coordinates.flat() : geometry.coordinates.flat(2);
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** Page coordinates of a lon/lat on the map now. */
async function pagePoint(lon: number, lat: number): Promise<{ x: number; y: number }> {
  const box = await page.locator('.map-container').boundingBox();
  const at = await page.evaluate(([x, y]) => window.__gridwarden!.project(x, y), [lon, lat]);
  return { x: box!.x + at.x, y: box!.y + at.y };
}

async function clickAt(lon: number, lat: number): Promise<void> {
  const { x, y } = await pagePoint(lon, lat);
  await page.mouse.move(x, y, { steps: 4 });
  await page.mouse.click(x, y);
  await page.waitForTimeout(150);
}

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: VIEWPORT });
}, SERVER_START_TIMEOUT_MS + 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
}, 30_000);

describe('a planner closes a gap', () => {
  let gap: Gap;
  let gapCountBefore: number;

  it('finds a planted gap through the API and makes a planner for its town', async () => {
    const { login } = await graphql<{ login: { token: string } }>(
      'E2eLogin',
      'mutation E2eLogin($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
      { u: DEMO_USERS.admin.username, p: DEMO_USERS.admin.password },
    );
    token = login.token;
    const found = (await gaps()).filter((g) => g.geometry?.type === 'Polygon');
    gapCountBefore = (await gaps()).length;
    expect(found.length).toBeGreaterThan(0);
    gap = found.sort((a, b) => b.measure - a.measure)[0];
    // GAP names [village, base grid it was cut from]: the planner's scope is the village's town
    const village = gap.grids.reduce((top, g) => (g.level < top.level ? g : top));
    expect(village.parentId).not.toBeNull();
    await graphql(
      'E2eCreatePlanner',
      'mutation E2eCreatePlanner($input: CreateUserInput!) { createUser(input: $input) { id } }',
      { input: { ...PLANNER, role: 'PLANNER', scopeGridId: village.parentId } },
    );
  });

  it('logs in as that planner and sees the editing panel', async () => {
    await page.goto(`${server!.baseUrl}/`);
    await page.getByTestId('login-form').waitFor({ state: 'visible', timeout: 30_000 });
    await page.locator('input[name=username]').fill(PLANNER.username);
    await page.locator('input[name=password]').fill(PLANNER.password);
    await page.locator('button[type=submit]').click();
    await page.waitForFunction(() => window.__gridwarden?.ready === true, null, {
      timeout: MAP_READY_TIMEOUT_MS,
    });
    await page.getByTestId('editing-draw').waitFor({ state: 'visible', timeout: 10_000 });
    await expect(page.getByTestId('user-name').innerText()).resolves.toContain('网格规划员');
    await screenshot('1-logged-in');
  });

  it('draws a polygon over the gap by clicking on the map, with the parent found under it', async () => {
    const [minLon, minLat, maxLon, maxLat] = bboxOf(gap.geometry);
    const lon = (minLon + maxLon) / 2;
    const lat = (minLat + maxLat) / 2;
    // zoom so the gap spans a few hundred pixels
    await page.evaluate(([x, y]) => window.__gridwarden!.jumpTo(x, y, 14), [lon, lat]);
    const a = await pagePoint(minLon, minLat);
    const b = await pagePoint(maxLon, maxLat);
    const span = Math.max(Math.abs(b.x - a.x), Math.abs(b.y - a.y));
    const zoom = Math.min(18, 14 + Math.log2(400 / span));
    await page.evaluate(([x, y, z]) => window.__gridwarden!.jumpTo(x, y, z), [lon, lat, zoom]);
    await screenshot('2-gap');

    // a rough sketch a little larger than the gap: the server clips to the parent and trims
    const padLon = (maxLon - minLon) * 0.08;
    const padLat = (maxLat - minLat) * 0.08;
    const corners: [number, number][] = [
      [minLon - padLon, minLat - padLat],
      [maxLon + padLon, minLat - padLat],
      [maxLon + padLon, maxLat + padLat],
      [minLon - padLon, maxLat + padLat],
    ];
    await page.getByTestId('editing-draw').click();
    for (const [x, y] of corners) await clickAt(x, y);
    await clickAt(...corners[0]); // closes the ring
    await page.getByTestId('editing-parent').waitFor({ state: 'visible', timeout: 10_000 });
    await expect(page.getByTestId('editing-self-intersects').count()).resolves.toBe(0);
    await expect(page.getByTestId('editing-preview').isEnabled()).resolves.toBe(true);
    await screenshot('3-drawn');
  });

  it('previews: the gap is reported closed, on the list and on the map', async () => {
    await page.getByTestId('editing-preview').click();
    await page.getByTestId('editing-preview-list').waitFor({ state: 'visible', timeout: 30_000 });
    await page.getByTestId('editing-gap-closed').waitFor({ state: 'visible' });
    const gapRow = await page.getByTestId('editing-rule-GAP').innerText();
    expect(gapRow).toMatch(/新增 0，消除 [1-9]/);
    await page.waitForTimeout(500);
    await screenshot('4-preview');
  });

  it('saves, and the GAP violation is gone', async () => {
    await page.getByTestId('editing-save').click();
    await page.getByTestId('editing-saved').waitFor({ state: 'visible', timeout: 30_000 });
    // the refreshed tiles (new URLs) are fetched and drawn
    await page.waitForFunction(
      (id) => !window.__gridwarden!.loadedViolations('GAP').some((g) => String(g.id) === id),
      gap.id,
      { timeout: 30_000 },
    );
    await page.waitForTimeout(1000);
    await screenshot('5-saved');
    const after = await gaps();
    expect(after.map((g) => g.id)).not.toContain(gap.id);
    expect(after.length).toBeLessThan(gapCountBefore);
  });
});
