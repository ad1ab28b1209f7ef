import { afterAll, expect, test } from 'vitest';
import { closedRoot } from '../e2e/extension-ui/closed-root';
import { enableSiteFromOptions, startUi, type UiSession } from '../e2e/extension-ui/session';

let u: UiSession | undefined;
afterAll(() => u?.close());

// `npm run docs:screenshots`: the README's pictures of the agents' overlay and the popup, taken from
// the real extension.
test('docs/overlay.png and docs/popup.png: the overlay panel on a helpdesk ticket, and the popup', async () => {
  u = await startUi();
  await u.pollUntil((st) => (st?.incidents.length ?? 0) > 0, 'an incident');
  await enableSiteFromOptions(u);
  const page = await u.s.context.newPage();
  await page.setViewportSize({ width: 1200, height: 800 });
  await page.goto(`${u.server.origin}/ticket`);
  await page.reload();
  const root = await closedRoot(page);
  await expect.poll(() => root.exists('.pill'), { timeout: 10_000 }).toBe(true);
  await root.click('.pill');
  await expect.poll(() => root.exists('[role=dialog]'), { timeout: 10_000 }).toBe(true);
  await page.screenshot({ path: 'docs/overlay.png', animations: 'disabled' });
  const popup = await u.s.openPage('src/extension/popup/index.html');
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.getByRole('heading', { name: 'Active incidents' }).waitFor();
  await popup.screenshot({ path: 'docs/popup.png' });
});
