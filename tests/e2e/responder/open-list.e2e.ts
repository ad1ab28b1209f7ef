import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { pageBundle } from '../../../bench/support/page-bundle';
import { axeInBothSchemes, launchWithExtension, type ExtensionSession } from '../browser';
import { until, untilValue } from '../support/wait';

/**
 * The side panel's open-incident list with 10,000 incidents stored, 1,000 of them open (issue 22):
 * virtualised, so the DOM holds a screenful of rows whatever the list's length, the end is reached
 * by scrolling alone, the keyboard moves through every row, and a new incident appears without
 * moving what is read. (Not 10,000 open: the worker's periodic refresh no longer reads their
 * timelines, but it still reads every open incident's record and summary, 0.8 s with 10,000 on a
 * quiet machine and several times that under load, and the list's reads wait behind it.)
 */
const STORED = 10_000;
const OPEN = 1_000;
/** The seeded incidents `STORED - OPEN` … `STORED - 1` are open, SEV-1 to SEV-4 in turn. */
const FIRST_TITLE = `Bench incident ${STORED - OPEN}`;
const LAST_TITLE = `Bench incident ${STORED - 1}`;
/** More rows than a screen and its overscan: a list that pages grows past it as it is scrolled. */
const BOUND = 60;

let s: ExtensionSession;
let panel: Page;

type Bench = {
  seed(c: number, per: number, open: number, every: number): Promise<unknown>;
  addOpen(id: string, title: string, severity: 1, startedAt: number): Promise<void>;
};
declare const __lensBench: Bench;
declare const chrome: { storage: { session: { set(v: object): Promise<void> } } };

beforeAll(async () => {
  s = await launchWithExtension();
  // Seeded through the bench's bulk write (the repository code in an extension page): 10,000
  // incidents of three events each, the newest 1,000 open.
  const bundle = await pageBundle('idb-entry.ts', '__lensBench');
  const ext = await s.openPage('src/extension/options/index.html');
  await ext.evaluate(bundle);
  await ext.evaluate(([n, o]) => __lensBench.seed(n, 3, o, 1_000_000), [STORED, OPEN] as const);
  await ext.close();
  panel = await s.openPage('src/extension/sidepanel/index.html#/');
  await panel.evaluate(bundle);
  await panel.setViewportSize({ width: 400, height: 700 });
  await until('the first open incidents', async () => (await rows()).length > 0, 30_000);
}, 180_000);

afterAll(async () => {
  await s?.close();
});

const rows = () =>
  panel.$$eval('section[aria-labelledby="list-open"] li', (lis) =>
    lis.map((li) => ({
      pos: Number(li.getAttribute('aria-posinset')),
      size: Number(li.getAttribute('aria-setsize')),
      title: li.querySelector('h3 a')?.textContent ?? '',
    })),
  );

/** The focused element's row: its place in the list and its title. */
const focusedRow = () =>
  panel.evaluate(() => {
    const li = document.activeElement?.closest('li');
    const r = li?.getBoundingClientRect();
    return {
      pos: Number(li?.getAttribute('aria-posinset')),
      title: document.activeElement?.textContent ?? '',
      loading: li?.getAttribute('aria-busy') === 'true',
      visible: r ? r.top >= -1 && r.bottom <= window.innerHeight + 1 : false,
      rect: r ? [r.top, r.bottom, window.innerHeight, window.scrollY] : null,
    };
  });

test('10,000 incidents, 1,000 open: a bounded number of rows in the DOM, and the end reached by scrolling alone', async () => {
  const first = await rows();
  expect(first.length).toBeLessThanOrEqual(BOUND);
  // Most severe first, longest running first: the oldest SEV-1.
  expect(first[0]!.title).toBe(FIRST_TITLE);
  // Scrolling (as a wheel or the scroll bar does), with no click, until the last incident is
  // shown: the least severe (SEV-4) that started last. The DOM stays bounded all the way.
  await until(
    'the last open incident, by scrolling',
    async () => {
      await panel.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      const r = await rows();
      expect(r.length, 'rows in the DOM').toBeLessThanOrEqual(BOUND);
      return r.some((x) => x.title === LAST_TITLE);
    },
    30_000,
  );
  // Screen readers hear its place in the whole list.
  expect((await rows()).find((x) => x.title === LAST_TITLE)).toMatchObject({
    pos: OPEN,
    size: OPEN,
  });
});

test('the keyboard moves through every row; the focused row stays in the DOM when scrolled away', async () => {
  await panel.evaluate(() => window.scrollTo(0, 0));
  await until('the first row', async () => (await rows())[0]?.pos === 1);
  await panel.focus('section[aria-labelledby="list-open"] li h3 a');
  for (let i = 0; i < 30; i++) await panel.keyboard.press('ArrowDown');
  await untilValue('row 31 focused and on screen', focusedRow, (f) => f.pos === 31 && f.visible);
  await panel.keyboard.press('Tab');
  await untilValue('row 32 focused and on screen', focusedRow, (f) => f.pos === 32 && f.visible);
  await panel.keyboard.press('Shift+Tab');
  await untilValue('row 31 focused', focusedRow, (f) => f.pos === 31);
  await panel.keyboard.press('End');
  // Focus lands on the last row at once, and stays on it when its incident has been read.
  await untilValue(
    'the last row focused, loaded and on screen',
    focusedRow,
    (f) => f.pos === OPEN && f.title === LAST_TITLE && f.visible,
  );
  await panel.keyboard.press('Home');
  await untilValue(
    'the first row focused, loaded and on screen',
    focusedRow,
    (f) => f.pos === 1 && f.title === FIRST_TITLE && f.visible,
  );
  // Scrolled far away with the wheel: the focused row is kept (focus not lost), the DOM bounded.
  await panel.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
  await until('rows from the middle of the list', async () =>
    (await rows()).some((r) => r.pos > 400 && r.title !== ''),
  );
  expect(await focusedRow()).toMatchObject({ pos: 1, title: FIRST_TITLE });
  expect((await rows()).length).toBeLessThanOrEqual(BOUND + 1);
  expect(await axeInBothSchemes(panel)).toEqual({ light: [], dark: [] });
});

test('rows read after the keyboard reached them do not push the focused row off screen', async () => {
  // The list's reads wait behind a write that holds its stores (as a busy worker's refresh
  // does on a loaded machine): the keyboard moves over rows still loading, and their content,
  // taller or shorter than the estimate, arrives after the focused row was scrolled into view.
  await panel.evaluate(() => window.scrollTo(0, 0));
  await until('the first row', async () => (await rows())[0]?.pos === 1);
  await panel.focus('section[aria-labelledby="list-open"] li h3 a');
  await panel.evaluate(
    () =>
      new Promise<void>((held, failed) => {
        const open = indexedDB.open('incident-lens');
        open.onerror = () => failed(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['summaries', 'incidents'], 'readwrite');
          const w = window as unknown as { releaseStores?: boolean };
          w.releaseStores = false;
          // Requests one after another keep the transaction (and the stores) held until released.
          const spin = () => {
            if (!w.releaseStores) tx.objectStore('summaries').count().onsuccess = spin;
          };
          spin();
          held();
        };
      }),
  );
  for (let i = 0; i < 40; i++) await panel.keyboard.press('ArrowDown');
  await panel.keyboard.press('Tab');
  await untilValue('row 42 focused and on screen', focusedRow, (f) => f.pos === 42 && f.visible);
  expect((await focusedRow()).loading, 'a row still loading').toBe(true);
  await panel.evaluate(() => {
    (window as unknown as { releaseStores?: boolean }).releaseStores = true;
  });
  await untilValue(
    'row 42 loaded, focused and on screen',
    focusedRow,
    (f) => f.pos === 42 && !f.loading && f.visible,
  );
});

test('a new SEV-1 appears in place without moving the rows being read', async () => {
  // Focus on the first row: it must follow its incident when one is added above it.
  await panel.evaluate(() => window.scrollTo(0, 0));
  // (up to 30 s as the file's other first reads: once in a clean-clone CI run, loaded by the whole
  // suite, the first row was not read again within 15 s after the test before released its stores)
  await until('the first row', async () => (await rows())[0]?.title === FIRST_TITLE, 30_000);
  await panel.focus('section[aria-labelledby="list-open"] li h3 a');
  await panel.evaluate(() => window.scrollTo(0, 3000));
  // The first row wholly on screen, and where it is.
  const anchor = () =>
    panel.evaluate(() => {
      const li = [...document.querySelectorAll('section[aria-labelledby="list-open"] li')].find(
        (l) => l.getBoundingClientRect().top >= 0,
      );
      return {
        title: li?.querySelector('h3 a')?.textContent ?? '',
        top: li?.getBoundingClientRect().top ?? NaN,
      };
    });
  const before = await untilValue('a loaded row on screen', anchor, (a) => a.title !== '');
  // Written as a teammate's replicated incident is, then the "something changed" signal the
  // worker gives after every write (storage.session); started before every seeded one, so it is
  // the first row, above the rows being read. (Not by command: with 10,000 open incidents the
  // worker's refresh after a command takes minutes, see the report of issue 22.)
  await panel.evaluate(async () => {
    await __lensBench.addOpen('new-sev1', 'Checkout down', 1, Date.UTC(2020, 0, 1));
    await chrome.storage.session.set({ 'e2e-touch': Date.now() });
  });
  await until(
    'the list to count the new incident',
    async () => (await rows()).some((r) => r.size === OPEN + 1),
    30_000,
  );
  const row = await panel.evaluate((title) => {
    const li = [...document.querySelectorAll('section[aria-labelledby="list-open"] li')].find(
      (l) => l.querySelector('h3 a')?.textContent === title,
    );
    return li?.getBoundingClientRect().top ?? NaN;
  }, before.title);
  expect(Math.abs(row - before.top)).toBeLessThanOrEqual(2);
  // Focus follows its incident, now second.
  expect(await focusedRow()).toMatchObject({ pos: 2, title: FIRST_TITLE });
  // The new incident is at the top of the list.
  await panel.evaluate(() => window.scrollTo(0, 0));
  await until(
    'the new incident at the top',
    async () => (await rows())[0]?.title === 'Checkout down',
  );
});
