import { afterAll, expect, test } from 'vitest';
import { closedRoot } from './closed-root';
import { enableSiteFromOptions, startUi, type UiSession } from './session';

let u: UiSession | undefined;
afterAll(() => u?.close());

// The README's pictures of the agents' overlay and the popup, taken from the real extension.
test('screenshots: the overlay panel on a helpdesk ticket, and the popup', async () => {
  u = await startUi();
  await u.pollUntil((st) => (st?.incidents.length ?? 0) > 0, 'an incident');
  await enableSiteFromOptions(u);
  const page = await u.s.context.newPage();
  await page.setViewportSize({ width: 1200, height: 800 });
  await page.goto(`${u.server.origin}/ticket`);
  await page.reload();
  const root = await closedRoot(page);
  for (let i = 0; i < 60 && !(await root.exists('.pill')); i++) await page.waitForTimeout(150);
  await root.click('.pill');
  for (let i = 0; i < 60 && !(await root.exists('[role=dialog]')); i++)
    await page.waitForTimeout(150);
  expect(await root.exists('[role=dialog]')).toBe(true);
  await page.screenshot({ path: 'docs/overlay.png' });
  const popup = await u.s.openPage('src/extension/popup/index.html');
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.getByRole('heading', { name: 'Active incidents' }).waitFor();
  await popup.screenshot({ path: 'docs/popup.png' });
});
