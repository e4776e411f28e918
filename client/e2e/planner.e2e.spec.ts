/**
 * End-to-end, as the demo planner (whose town holds a planted gap): find the gap, draw a grid
 * over it on the map (mouse clicks on the canvas, each snapping to the gap's corners; a stray
 * corner taken back with Ctrl+Z), preview (the gap is reported closed), save, and the GAP is
 * gone, from the API and from the layer switcher's count. Then reshape (a corner dragged out of
 * the village, flagged live; undo back to the original; a conflict), split and merge.
 * Needs `npm run build` first. Screenshots go to artifacts/e2e/planner-*.png.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import * as turf from '@turf/turf';
import type { Page } from 'playwright-core';
import { DEMO_USERS, e2eSession, MAP_READY_TIMEOUT_MS } from './support';

type Geometry =
  | { type: 'Polygon'; coordinates: number[][][] }
  | { type: 'MultiPolygon'; coordinates: number[][][][] };
interface Gap {
  id: string;
  measure: number;
  geometry: Geometry;
  grids: { id: string; level: number; parentId: string | null }[];
}

const PLANNER = DEMO_USERS.planner;

const session = e2eSession({ prefix: 'planner-' });
let page: Page;
beforeAll(() => {
  page = session.page;
});
const graphql = session.graphql;
const screenshot = session.screenshot;
const pagePoint = session.pagePoint;

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

async function clickAt(lon: number, lat: number): Promise<void> {
  const { x, y } = await pagePoint(lon, lat);
  await clickPixel(x, y);
}

async function clickPixel(x: number, y: number): Promise<void> {
  await page.mouse.move(x, y, { steps: 4 });
  await page.mouse.click(x, y);
  await page.waitForTimeout(150);
}

/** The outer ring of a boundary, without its closing position. */
function outerRing(geometry: Geometry): number[][] {
  const ring = geometry.type === 'Polygon' ? geometry.coordinates[0] : geometry.coordinates[0][0];
  return ring.slice(0, -1);
}

const key = ([lon, lat]: number[]) => `${lon.toFixed(7)},${lat.toFixed(7)}`;

/**
 * A drag of one corner of `ring` (page points) to a point outside `parent` by 20 m or more,
 * leaving the ring simple: searched on a 40 × 40 lattice over the parent's box widened by half
 * on each side. The map is moved (centred, then zoomed out a level at a time) until one of the
 * shortest such drags lies clear of the panels. Ground truth by turf, not by the client's code.
 */
async function dragOutOfParent(
  ring: number[][],
  parent: Geometry,
): Promise<{ from: { x: number; y: number }; to: { x: number; y: number } }> {
  const area = turf.feature(parent);
  const edge = turf.polygonToLine(area);
  const lines = edge.type === 'FeatureCollection' ? edge.features : [edge];
  const toBoundary = (p: number[]) =>
    Math.min(...lines.map((l) => turf.pointToLineDistance(p, l as never, { units: 'meters' })));
  const [west, south, east, north] = turf.bbox(area);
  const [w, h] = [east - west, north - south];
  const drags: { corner: number[]; to: number[] }[] = [];
  for (let i = 0; i <= 40; i++) {
    for (let j = 0; j <= 40; j++) {
      const p = [west - w / 2 + (2 * w * i) / 40, south - h / 2 + (2 * h * j) / 40];
      if (turf.booleanPointInPolygon(p, area) || toBoundary(p) < 20) continue;
      ring.forEach((corner, k) => {
        const moved = ring.map((c, m) => (m === k ? p : c));
        if (turf.kinks(turf.polygon([[...moved, moved[0]]])).features.length > 0) return;
        drags.push({ corner, to: p });
      });
    }
  }
  // the shortest drags on the ground, the map centred on the first one's middle, zoomed out
  // a level at a time until one of them lies clear of the panels
  const shortest = drags
    .map((d) => ({ ...d, metres: turf.distance(d.corner, d.to, { units: 'meters' }) }))
    .sort((a, b) => a.metres - b.metres)
    .slice(0, 20);
  const margin = 30;
  const { zoom } = await page.evaluate(() => window.__gridwarden!.view());
  const [lon, lat] = turf.midpoint(shortest[0].corner, shortest[0].to).geometry.coordinates;
  for (let z = zoom; z > zoom - 5; z--) {
    await page.evaluate(([x, y, level]) => window.__gridwarden!.jumpTo(x, y, level), [lon, lat, z]);
    const box = await page.locator('.map-container').boundingBox();
    if (!box) throw new Error('the map is not on the page');
    const points = await page.evaluate(
      (ends) => ends.map(([x, y]) => window.__gridwarden!.project(x, y)),
      shortest.flatMap((d) => [d.corner, d.to]),
    );
    // on the map and not under a panel: the map's canvas is what the page has around the point
    const clear = await page.evaluate(
      ({ points, margin }) =>
        points.map(({ x, y }) =>
          [
            [x, y],
            [x - margin, y - margin],
            [x + margin, y + margin],
          ].every(([px, py]) => document.elementFromPoint(px, py)?.closest('.map-container')),
        ),
      { points: points.map((p) => ({ x: box.x + p.x, y: box.y + p.y })), margin },
    );
    const i = shortest.findIndex((_, k) => clear[2 * k] && clear[2 * k + 1]);
    if (i >= 0) {
      const onPage = (p: { x: number; y: number }) => ({ x: box.x + p.x, y: box.y + p.y });
      return { from: onPage(points[2 * i]), to: onPage(points[2 * i + 1]) };
    }
  }
  throw new Error(`none of the ${drags.length} drags out of the parent fits on the map`);
}

/** The layer switcher's count of a rule's violations (digits only: 1,234 → 1234). */
async function layerCount(rule: string): Promise<number> {
  const count = page.getByTestId(`layer-toggle-${rule}`).locator('.layer-count');
  await page.waitForFunction(
    (r) =>
      /\d/.test(
        document.querySelector(`[data-testid=layer-toggle-${r}] .layer-count`)?.textContent ?? '',
      ),
    rule,
    { timeout: 30_000 },
  );
  const text = await count.innerText();
  return Number(text.replace(/\D/g, ''));
}

describe('a planner closes a gap', () => {
  let gap: Gap;
  let gapCountBefore: number;
  let gapLayerCountBefore: number;
  let newGridCode: string;

  it("finds a planted gap in the demo planner's town through the API", async () => {
    await session.apiLogin(PLANNER);
    const all = await gaps();
    gapCountBefore = all.length;
    const found = all.filter((g) => g.geometry?.type === 'Polygon');
    expect(found.length).toBeGreaterThan(0);
    gap = found.sort((a, b) => b.measure - a.measure)[0];
    // the planted gap is a hole cut out of one base grid: an octagon
    expect(outerRing(gap.geometry)).toHaveLength(8);
  });

  it('logs in as the demo planner and sees the editing panel', async () => {
    await page.goto(`${session.baseUrl}/`);
    await page.getByTestId('login-form').waitFor({ state: 'visible', timeout: 30_000 });
    await page.locator('input[name=username]').fill(PLANNER.username);
    await page.locator('input[name=password]').fill(PLANNER.password);
    await page.locator('button[type=submit]').click();
    await page.waitForFunction(() => window.__gridwarden?.ready === true, null, {
      timeout: MAP_READY_TIMEOUT_MS,
    });
    await page.getByTestId('editing-draw').waitFor({ state: 'visible', timeout: 10_000 });
    await expect(page.getByTestId('user-name').innerText()).resolves.toContain('网格规划员');
    // the grid tree starts at the planner's own town, not at the county they cannot see
    const me = await session.graphql<{ me: { scope: { code: string } } }>(
      'E2eMe',
      'query E2eMe { me { scope { code } } }',
    );
    await page
      .getByTestId(`tree-grid-${me.me.scope.code}`)
      .waitFor({ state: 'visible', timeout: 10_000 });
    await screenshot('1-logged-in');
  });

  it('draws a polygon over the gap, each click snapping to a corner of it; a stray one undone', async () => {
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
    gapLayerCountBefore = await layerCount('GAP');
    expect(gapLayerCountBefore).toBe(gapCountBefore);
    await screenshot('2-gap');

    // a corner of the gap (a vertex of the base grid it is cut from), clicked 6 px off it,
    // away from the middle: only snapping puts the drawn corner exactly on it
    const middle = await pagePoint(lon, lat);
    const offCorner = async ([x, y]: number[]) => {
      const at = await pagePoint(x, y);
      const dx = at.x - middle.x;
      const dy = at.y - middle.y;
      const d = Math.hypot(dx, dy);
      return { x: at.x + (6 * dx) / d, y: at.y + (6 * dy) / d };
    };
    const corners = outerRing(gap.geometry);
    await page.getByTestId('editing-draw').click();
    await expect(page.getByTestId('editing-undo').isDisabled()).resolves.toBe(true);
    // the neighbours to snap to are fetched for the view
    await page.waitForTimeout(1500);
    for (const [i, corner] of corners.entries()) {
      const near = await offCorner(corner);
      if (i === 0) {
        await page.mouse.move(near.x, near.y, { steps: 4 });
        await page.waitForTimeout(300);
        await screenshot('3-snap-indicator');
      }
      await clickPixel(near.x, near.y);
      if (i === 2) {
        // a stray corner in the middle of the gap, taken back with Ctrl+Z
        await clickPixel(middle.x + 15, middle.y + 10);
        await expect(page.getByTestId('editing-undo').isEnabled()).resolves.toBe(true);
        await screenshot('3-stray-corner');
        await page.keyboard.press('Control+z');
        await page.waitForTimeout(200);
        await expect(page.getByTestId('editing-self-intersects').count()).resolves.toBe(0);
        await screenshot('3-stray-corner-undone');
      }
    }
    const first = await offCorner(corners[0]);
    await clickPixel(first.x, first.y); // closes the ring
    await page.getByTestId('editing-parent').waitFor({ state: 'visible', timeout: 10_000 });
    await expect(page.getByTestId('editing-self-intersects').count()).resolves.toBe(0);
    await expect(page.getByTestId('editing-leaves-parent').count()).resolves.toBe(0);
    // the server neither snaps nor trims: what is saved is what was drawn
    await page.getByTestId('editing-snap').fill('0');
    await page.getByTestId('editing-trim').selectOption('NONE');
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
    const gridsBefore = await page.evaluate(() => window.__gridwarden!.gridCount);
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
    // the layer switcher counts what the server now holds
    await page.waitForFunction(
      (n) =>
        document.querySelector('[data-testid=layer-toggle-GAP] .layer-count')?.textContent ===
        String(n),
      after.length,
      { timeout: 30_000 },
    );
    await expect(layerCount('GAP')).resolves.toBe(gapLayerCountBefore - 1);
    // the map's grid counts follow the save: one grid more
    await page.waitForFunction((n) => window.__gridwarden!.gridCount === n, gridsBefore + 1, {
      timeout: 30_000,
    });
    // every corner of the saved grid is a corner of the gap: the clicks snapped
    const { grid } = await graphql<{ grid: { boundary: Geometry } }>(
      'E2eSaved',
      'query E2eSaved($code: String!) { grid(code: $code) { boundary } }',
      { code: newGridCode },
    );
    expect(outerRing(grid.boundary).map(key).sort()).toEqual(
      outerRing(gap.geometry).map(key).sort(),
    );
  });

  it('reshapes the new grid by dragging a corner, undoes it back to the original; someone else saves first: told, and reloaded', async () => {
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
    const dragCorner = async () => {
      await page.mouse.move(from.x, from.y, { steps: 4 });
      await page.mouse.down();
      await page.mouse.move(to.x, to.y, { steps: 10 });
      await page.mouse.up();
      await page.waitForTimeout(200);
    };
    const previewOpensGap = async () => {
      await page.getByTestId('editing-preview').click();
      await page.getByTestId('editing-preview-list').waitFor({ state: 'visible', timeout: 30_000 });
      await expect(page.getByTestId('editing-rule-GAP').innerText()).resolves.toMatch(/新增 1/);
    };
    const undo = page.getByTestId('editing-undo');
    await expect(undo.isDisabled()).resolves.toBe(true);
    await dragCorner();
    await expect(undo.isEnabled()).resolves.toBe(true);
    await previewOpensGap();
    await screenshot('6-reshape-preview');

    // undo: the corner goes back, the preview (of the dragged shape) is gone, nothing to undo
    await undo.click();
    await page.getByTestId('editing-preview-list').waitFor({ state: 'detached', timeout: 10_000 });
    await expect(undo.isDisabled()).resolves.toBe(true);
    await screenshot('6-reshape-undone');
    const drawn = () => page.evaluate(() => window.__gridwarden!.drawnShape());
    const original = outerRing(grid.boundary).map(key).sort();
    expect(
      outerRing({ type: 'Polygon', coordinates: [(await drawn())!] })
        .map(key)
        .sort(),
    ).toEqual(original);

    // a corner dragged out of the village: the live check says so while reshaping, before any
    // preview or save, and undo takes it back
    const { grid: withParent } = await graphql<{ grid: { parent: { boundary: Geometry } } }>(
      'E2eNewGridParent',
      'query E2eNewGridParent($code: String!) { grid(code: $code) { parent { boundary } } }',
      { code: newGridCode },
    );
    const view = await page.evaluate(() => window.__gridwarden!.view());
    const out = await dragOutOfParent(outerRing(grid.boundary), withParent.parent.boundary);
    await page.mouse.move(out.from.x, out.from.y, { steps: 4 });
    await page.mouse.down();
    await page.mouse.move(out.to.x, out.to.y, { steps: 10 });
    await page.mouse.up();
    const outside = page.getByTestId('editing-outside-parent');
    await outside.waitFor({ state: 'visible', timeout: 10_000 });
    await expect(outside.innerText()).resolves.toContain('1 个顶点在上级网格之外');
    await page.getByTestId('editing-leaves-parent').waitFor({ state: 'visible', timeout: 10_000 });
    await screenshot('6-reshape-out-of-parent');
    await undo.click();
    await outside.waitFor({ state: 'detached', timeout: 10_000 });
    await expect(page.getByTestId('editing-leaves-parent').count()).resolves.toBe(0);
    await expect(undo.isDisabled()).resolves.toBe(true);
    // back to the view the steps below measured their page points in
    await page.evaluate(({ lon, lat, zoom }) => window.__gridwarden!.jumpTo(lon, lat, zoom), view);

    // drag the corner away and back to 6 px beside where it was: it snaps onto the neighbour's
    // corner it came from (the gap's base grid still has that corner), so the shape is the original
    await dragCorner();
    const beside = {
      x: from.x + (6 * (from.x - middle.x)) / Math.hypot(from.x - middle.x, from.y - middle.y),
      y: from.y + (6 * (from.y - middle.y)) / Math.hypot(from.x - middle.x, from.y - middle.y),
    };
    await page.mouse.move(to.x, to.y, { steps: 4 });
    await page.mouse.down();
    await page.mouse.move(beside.x, beside.y, { steps: 10 });
    await page.mouse.up();
    await page.waitForTimeout(200);
    await screenshot('6-reshape-snapped-back');
    expect(
      outerRing({ type: 'Polygon', coordinates: [(await drawn())!] })
        .map(key)
        .sort(),
    ).toEqual(original);
    // two steps to take back (away, back), with Ctrl+Z
    await page.keyboard.press('Control+z');
    await expect(undo.isEnabled()).resolves.toBe(true);
    await page.keyboard.press('Control+z');
    await expect(undo.isDisabled()).resolves.toBe(true);
    // the shape is the saved one again: previewing it changes no coverage problem
    await page.getByTestId('editing-preview').click();
    await page.getByTestId('editing-preview-list').waitFor({ state: 'visible', timeout: 30_000 });
    await expect(page.getByTestId('editing-rule-GAP').count()).resolves.toBe(0);
    await expect(page.getByTestId('editing-preview-list').innerText()).resolves.toContain(
      '覆盖问题不变',
    );

    await dragCorner();
    await previewOpensGap();

    // the admin renames the grid meanwhile: its version moves on
    await session.apiLogin(DEMO_USERS.admin);
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
