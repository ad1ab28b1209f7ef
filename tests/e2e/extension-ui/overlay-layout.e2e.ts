// Issue 19, items 6 and 7, in real Chromium: the overlay takes its direction from the extension's
// UI language, never from a right-to-left host page; the panel never overflows sideways.
import { rm } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { closedRoot, type ClosedRoot } from './closed-root';
import { buildInLanguage, enableSiteFromOptions, FIRST, startUi, type UiSession } from './session';

let u: UiSession;
let page: Page | undefined;

beforeAll(async () => {
  u = await startUi();
  await u.pollUntil((st) => (st?.incidents.length ?? 0) > 0, 'an incident');
  await enableSiteFromOptions(u);
});
afterAll(() => u?.close());
afterEach(() => page?.close());

async function open(path: string, width = 1280): Promise<ClosedRoot> {
  page = await u.s.context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`${u.server.origin}${path}`);
  await page.reload();
  const root = await closedRoot(page);
  await expect.poll(() => root.exists('.pill'), { timeout: 15_000 }).toBe(true);
  return root;
}

test('on a right-to-left page the pill reads "SEV-2 · 1", left to right', async () => {
  u.server.html(
    '/rtl',
    `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>تذكرة</title>
<style>body{direction:rtl;unicode-bidi:bidi-override;writing-mode:vertical-rl}</style></head>
<body><main><h1>الدفع لا يعمل في checkout</h1></main></body></html>`,
  );
  const root = await open('/rtl');
  // before: "1 · SEV-2", mirrored by the page's direction
  expect(await root.text('.pill')).toMatch(/^SEV-2\s*· 1\b/);
  const style = await root.call<{ dir: string; wm: string }>(
    '.pill',
    'function () { const s = getComputedStyle(this); return { dir: s.direction, wm: s.writingMode }; }',
  );
  expect(style).toEqual({ dir: 'ltr', wm: 'horizontal-tb' });
});

test('the open panel never overflows sideways, even on a narrow window', async () => {
  const root = await open('/ticket', 360);
  await root.click('.pill');
  await expect.poll(() => root.exists('.deadlines')).toBe(true);
  const fits = await root.call<boolean[]>(
    '.panel',
    `function () {
      const box = this.getBoundingClientRect();
      return [this.scrollWidth <= this.clientWidth,
        ...[...this.querySelectorAll('button, .cd, li')].map((e) => {
          const r = e.getBoundingClientRect();
          return r.left >= box.left - 1 && r.right <= box.right + 1;
        })];
    }`,
  );
  expect(fits?.every(Boolean), JSON.stringify(fits)).toBe(true);
});

/**
 * Every element of the open panel that overflows sideways: the panel itself and each button, link,
 * countdown, select and card whose content is wider than its box (scrollWidth > clientWidth), or
 * which sticks out of the panel. Empty when everything fits.
 */
const OVERFLOWS = `function () {
  const box = this.getBoundingClientRect();
  const bad = [];
  const check = (e) => {
    const r = e.getBoundingClientRect();
    const label = e.tagName + '.' + e.className + ' "' + (e.innerText || '').slice(0, 40) + '"';
    if (e.scrollWidth > e.clientWidth + 1) bad.push('content wider than box: ' + label + ' ' + e.scrollWidth + '>' + e.clientWidth);
    if (r.left < box.left - 1 || r.right > box.right + 1) bad.push('outside the panel: ' + label);
  };
  if (this.scrollWidth > this.clientWidth) bad.push('panel ' + this.scrollWidth + '>' + this.clientWidth);
  for (const e of this.querySelectorAll('button, a, select, .cd, li, .card, p')) check(e);
  return bad;
}`;

// Issue 19, item 6, at the overlay's real width (380 px on a desktop window): the agent's duty fell
// due a day ago, before the source was added, so its row carries the longest text a duty has, the
// before-watch note (item 10), beside "Mark done" ("Als erledigt markieren").
test('en: a duty due before the source was added, beside "Mark done": nothing overflows sideways', async () => {
  u.serve([FIRST], { startedMinutesAgo: 26 * 60 });
  await u.pollUntil(
    (st) => (st?.incidents[0]?.incident.startedAt ?? Date.now()) < Date.now() - 25 * 3600_000,
    'the day-old incident',
  );
  const root = await open('/ticket');
  await root.click('.pill');
  await expect.poll(() => root.text('.deadlines')).toMatch(/started before you added this source/);
  expect(await root.text('.deadlines button')).toBe('Mark done');
  expect(await root.call<number>('.panel', 'function () { return this.clientWidth; }')).toBe(378);
  expect(await root.call<string[]>('.panel', OVERFLOWS)).toEqual([]);
  u.serve([FIRST]);
});

test('de: "Als erledigt markieren" and every other German label fit the panel', async () => {
  const dist = await buildInLanguage('de');
  const de = await startUi(dist, { byCommand: true });
  try {
    de.serve([FIRST], { startedMinutesAgo: 26 * 60 });
    await de.pollUntil((st) => (st?.incidents.length ?? 0) > 0, 'an incident');
    const r = await de.cmd('sites/enable', { origin: de.server.origin });
    expect(r.ok, r.error).toBe(true);
    page = await de.s.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${de.server.origin}/ticket`);
    await page.reload();
    const root = await closedRoot(page);
    await expect.poll(() => root.exists('.pill'), { timeout: 15_000 }).toBe(true);
    await root.click('.pill');
    await expect.poll(() => root.text('.deadlines button')).toBe('Als erledigt markieren');
    expect(await root.call<string[]>('.panel', OVERFLOWS)).toEqual([]);
  } finally {
    await page?.close();
    page = undefined;
    await de.close();
    await rm(dist, { recursive: true, force: true });
  }
});
