// Issue 17: the widgets in a React 19 app page (tests/e2e/widgets/react-app, built with Vite from
// the package entry), desktop and phone. CLS measured with a PerformanceObserver in the page: the
// first visit (the feed answers after the app painted: the banner appears mid-visit), the reader's
// first click, and the next page load (the kept feed at first paint). axe in each state.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { axe, launchBrowser } from '../browser';
import { startServer, type TestServer } from '../server';
import { partText } from './harness';
import { VIEWPORTS, buildReactApp, cls, heldFeed, serveDir, withCls } from './layout-kit';
import { summary } from '../extension-ui/feed';

let browser: Browser;
let server: TestServer;
let app: string;
beforeAll(async () => {
  [browser, server, app] = await Promise.all([launchBrowser(), startServer(), buildReactApp()]);
  serveDir(server, '/react-app/', app);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (app) rmSync(app, { recursive: true, force: true });
});

const name = (p: Page) => partText(p, 'incident-banner', 'name');
const floating = (p: Page) =>
  p.evaluate(() => {
    const region = document.querySelector('incident-banner')!.shadowRoot!.querySelector('.region')!;
    return getComputedStyle(region).position;
  });

describe('issue 17: a React app page', () => {
  for (const [vp, viewport] of Object.entries(VIEWPORTS))
    test(`banner and badge: the first visit, the first click and the next load shift nothing (${vp})`, async () => {
      const path = `/react-feed-${viewport.width}/summary.json`;
      const feed = heldFeed(server, path, () =>
        summary(Date.now(), [
          { id: 'u1', status: 'identified', body: 'We are rolling back.', minutesAgo: 5 },
        ]),
      );
      const context = await withCls(await browser.newContext({ viewport }));
      const p = await context.newPage();
      await p.goto(`${server.origin}/react-app/?feed=${path}`);
      // the app painted, the feed not answered yet: nothing shows
      await feed.requested;
      await expect.poll(() => p.locator('article').count()).toBe(6);
      expect(await name(p)).toBeNull();
      feed.release();
      await expect.poll(() => name(p)).toBe('Elevated errors on Checkout');
      await expect.poll(() => partText(p, 'status-badge', 'label')).toBeTruthy();
      const appeared = await cls(p);
      console.log(`CLS React app ${vp}: the banner and badge appeared ${appeared.cls}`);
      expect(appeared.cls).toBe(0);
      // it appeared mid-visit: over the page, moving nothing
      expect(await floating(p)).toBe('absolute');
      expect(await axe(p)).toEqual([]);
      // the reader's click: the banner takes its room (a shift that follows input)
      await p.locator('article button').first().click();
      await expect.poll(() => floating(p)).toBe('static');
      const clicked = await cls(p);
      expect(await axe(p)).toEqual([]);
      await p.reload();
      await expect.poll(() => name(p)).toBe('Elevated errors on Checkout');
      const next = await cls(p);
      expect(await floating(p)).toBe('static');
      console.log(
        `CLS React app ${vp}: after the click ${clicked.cls} (left out as input-driven: ${clicked.afterInput}), next load ${next.cls}`,
      );
      expect(clicked.cls).toBe(0);
      expect(next.cls).toBe(0);
      await context.close();
    });
});
