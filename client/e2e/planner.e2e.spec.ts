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
  let newGridCode: string;

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
    newGridCode = /\d{12}-\d{2}/.exec(await page.getByTestId('editing-saved').innerText())![0];
  });

  it('reshapes the new grid by dragging a corner; someone else saves first: told, and reloaded', async () => {
    const { grid } = await graphql<{ grid: { id: string; version: number; boundary: Geometry } }>(
      'E2eNewGrid',
      'query E2eNewGrid($code: String!) { grid(code: $code) { id version boundary } }',
      { code: newGridCode },
    );
    const ring =
      grid.boundary.type === 'Polygon'
        ? grid.boundary.coordinates[0]
        : grid.boundary.coordinates[0][0];
    const [minLon, minLat, maxLon, maxLat] = bboxOf(grid.boundary);
    await page.getByTestId('editing-reshape').click();
    await clickAt((minLon + maxLon) / 2, (minLat + maxLat) / 2);
    const target = page.getByTestId('editing-target');
    await target.waitFor({ state: 'visible', timeout: 10_000 });
    await expect(target.innerText()).resolves.toContain(`${newGridCode}`);
    await expect(target.innerText()).resolves.toContain(`版本 ${grid.version}`);

    // drag the first corner a third of the way to the middle: a sliver of the gap opens again
    const from = await pagePoint(ring[0][0], ring[0][1]);
    const middle = await pagePoint((minLon + maxLon) / 2, (minLat + maxLat) / 2);
    const to = { x: from.x + (middle.x - from.x) / 3, y: from.y + (middle.y - from.y) / 3 };
    await page.mouse.move(from.x, from.y, { steps: 4 });
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 10 });
    await page.mouse.up();
    await page.getByTestId('editing-preview').click();
    await page.getByTestId('editing-preview-list').waitFor({ state: 'visible', timeout: 30_000 });
    await expect(page.getByTestId('editing-rule-GAP').innerText()).resolves.toMatch(/新增 1/);
    await screenshot('6-reshape-preview');

    // the admin renames the grid meanwhile: its version moves on
    await graphql(
      'E2eRename',
      'mutation E2eRename($input: UpdateGridBoundaryInput!) { updateGridBoundary(input: $input) { version } }',
      { input: { id: grid.id, expectedVersion: grid.version, name: '他人改名' } },
    );
    await page.getByTestId('editing-save').click();
    const error = page.getByTestId('editing-error');
    await error.waitFor({ state: 'visible', timeout: 30_000 });
    await expect(error.innerText()).resolves.toContain('他人已先保存了此网格，正在重新加载');
    await expect(target.innerText()).resolves.toContain(`版本 ${grid.version + 1}`);
    await expect(target.innerText()).resolves.toContain('他人改名');
    await screenshot('7-conflict');
    // nothing of the planner's reshape was saved
    const { grid: now } = await graphql<{ grid: { version: number; boundary: Geometry } }>(
      'E2eNewGridNow',
      'query E2eNewGridNow($code: String!) { grid(code: $code) { version boundary } }',
      { code: newGridCode },
    );
    expect(now.version).toBe(grid.version + 1);
    expect(now.boundary).toEqual(grid.boundary);
  });

  it('splits the grid by a line drawn across it, previews and saves two pieces', async () => {
    await page.getByTestId('editing-cancel').click();
    const code = newGridCode;
    const pieces = async () =>
      (
        await graphql<{ grid: { children: { code: string }[] } }>(
          'E2eSiblings',
          'query E2eSiblings($code: String!) { grid(code: $code) { children { code } } }',
          { code: code.split('-')[0] },
        )
      ).grid.children.length;
    const piecesBefore = await pieces();
    const { grid } = await graphql<{ grid: { boundary: Geometry } }>(
      'E2eSplitGrid',
      'query E2eSplitGrid($code: String!) { grid(code: $code) { boundary } }',
      { code },
    );
    const [minLon, minLat, maxLon, maxLat] = bboxOf(grid.boundary);
    const midLat = (minLat + maxLat) / 2;
    const overLon = (maxLon - minLon) * 0.15;
    await page.getByTestId('editing-split').click();
    await clickAt((minLon + maxLon) / 2, midLat);
    await page.getByTestId('editing-target').waitFor({ state: 'visible', timeout: 10_000 });
    await clickAt(minLon - overLon, midLat);
    await clickAt(maxLon + overLon, midLat);
    await clickAt(maxLon + overLon, midLat); // the last point again finishes the line
    await page.getByTestId('editing-preview').click();
    await page.getByTestId('editing-preview-list').waitFor({ state: 'visible', timeout: 30_000 });
    await screenshot('8-split-preview');
    await page.getByTestId('editing-save').click();
    await page.getByTestId('editing-saved').waitFor({ state: 'visible', timeout: 30_000 });
    // the village has one base grid more: the split's second piece
    await expect(pieces()).resolves.toBe(piecesBefore + 1);
    await page.waitForTimeout(1500);
    await screenshot('9-split-saved');
  });

  it('merges the two pieces back, with preview', async () => {
    const [minLon, minLat, maxLon, maxLat] = bboxOf(
      (
        await graphql<{ grid: { boundary: Geometry } }>(
          'E2eKept',
          'query E2eKept($code: String!) { grid(code: $code) { boundary } }',
          { code: newGridCode },
        )
      ).grid.boundary,
    );
    const lon = (minLon + maxLon) / 2;
    const village = newGridCode.split('-')[0];
    const children = async () =>
      (
        await graphql<{ grid: { children: { code: string }[] } }>(
          'E2eChildren',
          'query E2eChildren($code: String!) { grid(code: $code) { children { code } } }',
          { code: village },
        )
      ).grid.children.map((c) => c.code);
    const before = await children();
    await page.getByTestId('editing-merge').click();
    // the kept grid is the larger, southern piece; the other lies just north of it
    await clickAt(lon, (minLat + maxLat) / 2);
    await page.waitForFunction(() =>
      /\d-\d\d/.test(document.querySelector('[data-testid=editing-merging]')?.textContent ?? ''),
    );
    await page.waitForTimeout(500);
    await clickAt(lon, maxLat + (maxLat - minLat) * 0.3);
    await page.waitForTimeout(1000);
    await screenshot('10-merge-picked');
    await page.waitForFunction(() =>
      (document.querySelector('[data-testid=editing-merging]')?.textContent ?? '').includes(','),
    );
    await page.getByTestId('editing-preview').click();
    await page.getByTestId('editing-preview-list').waitFor({ state: 'visible', timeout: 30_000 });
    await screenshot('10-merge-preview');
    await page.getByTestId('editing-save').click();
    await page.getByTestId('editing-saved').waitFor({ state: 'visible', timeout: 30_000 });
    await expect(children()).resolves.toHaveLength(before.length - 1);
  });
});
