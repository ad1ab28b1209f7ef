import { afterAll, beforeAll, expect, test } from 'vitest';
import { pageBundle } from '../../../bench/support/page-bundle';
import { launchWithExtension, type ExtensionSession } from '../browser';

/**
 * The reviews dashboard's first screen in Chromium by each of its paths (issue 22): while the mark
 * `openCommsCurrent` holds it reads no open incident record (db/open-comms.ts), with a linked open
 * incident it reads that one's record and feed record, without the mark every open record, each
 * requested in the page's one transaction once the mark is read. Unit tests run on fake-indexeddb,
 * whose transactions live differently: here the real IndexedDB, seeded through the repository code
 * in an extension page, and each path equal to every review and tally.
 */
type Path = {
  path: string;
  check: string[] | null;
  source: string;
  page: unknown;
  all: unknown;
};
type Bench = {
  seed(c: number, per: number, open: number, every: number): Promise<unknown>;
  dashboardPaths(): Promise<Path[]>;
};
declare const __lensBench: Bench;

let s: ExtensionSession;
afterAll(async () => {
  await s?.close();
});
beforeAll(async () => {
  s = await launchWithExtension();
}, 60_000);

test('with the mark, with a listed linked incident (its feed changed too) and without it: the page equals every review and tally', async () => {
  const bundle = await pageBundle('idb-entry.ts', '__lensBench');
  const ext = await s.openPage('src/extension/options/index.html');
  await ext.evaluate(bundle);
  // 300 incidents of five events, the newest 30 open, a review for every third resolved one.
  await ext.evaluate(() => __lensBench.seed(300, 5, 30, 3));
  const paths = await ext.evaluate(() => __lensBench.dashboardPaths());
  await ext.close();
  expect(paths.map((p) => [p.path, p.check?.length ?? null, p.source])).toEqual([
    ['mark', 0, 'totals'],
    ['listed', 1, 'totals'],
    ['listed, feed changed', 1, 'totals'],
    ['no mark', null, 'totals'],
  ]);
  // (Whether a feed's post changes the figures is the unit tests' to show, dashboard-open-comms.test.ts:
  // here, that each path runs in Chromium's transactions and agrees with every review and tally.)
  for (const p of paths) expect(p.page, p.path).toEqual(p.all);
}, 120_000);
