/**
 * Time to first map in headless Chromium (SwiftShader WebGL, as the e2e): a logged-in user
 * opens the map with a cold cache; measured from navigation start to the moment the map
 * first goes idle with the grid tiles of the territory drawn (window.__gridwarden.readyAt).
 */
import { launchChromium, VIEWPORT } from '../../client/e2e/chromium';
import type {
  GridwardenMapState,
  RenderedFeatureCounts,
} from '../../client/src/map/map-state.types';

const TOKEN_KEY = 'gridwarden.token';

export interface FirstMap {
  /** ms from navigation start until the first map was drawn, one per run. */
  readyMs: number[];
  /** Grid features drawn in that first view, per level (of the last run). */
  gridsByLevel: Record<number, number>;
}

export async function timeFirstMap(url: string, token: string, runs: number): Promise<FirstMap> {
  const browser = await launchChromium();
  try {
    const readyMs: number[] = [];
    let gridsByLevel: Record<number, number> = {};
    for (let run = 0; run < runs; run++) {
      // a new context each time: empty HTTP cache, as on a first visit (the session is there)
      const context = await browser.newContext({ viewport: VIEWPORT });
      await context.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [
        TOKEN_KEY,
        token,
      ] as const);
      const page = await context.newPage();
      await page.goto(`${url}/`);
      await page.waitForFunction(() => window.__gridwarden?.ready === true, null, {
        timeout: 120_000,
      });
      const state = await page.evaluate(
        (): Pick<GridwardenMapState, 'readyAt'> & Pick<RenderedFeatureCounts, 'gridsByLevel'> => ({
          readyAt: window.__gridwarden!.readyAt,
          gridsByLevel: window.__gridwarden!.renderedFeatures().gridsByLevel,
        }),
      );
      if (Object.values(state.gridsByLevel).every((n) => n === 0)) {
        throw new Error('the first map drew no grid at all');
      }
      readyMs.push(state.readyAt);
      gridsByLevel = state.gridsByLevel;
      await context.close();
    }
    return { readyMs, gridsByLevel };
  } finally {
    await browser.close();
  }
}
