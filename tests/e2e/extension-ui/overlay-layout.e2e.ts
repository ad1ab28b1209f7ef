// Issue 19, items 6 and 7, in real Chromium: the overlay takes its direction from the extension's
// UI language, never from a right-to-left host page; the panel never overflows sideways.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { closedRoot, type ClosedRoot } from './closed-root';
import { enableSiteFromOptions, startUi, type UiSession } from './session';

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
