import { afterAll, beforeAll, expect, test } from 'vitest';
import { closedRoot } from './closed-root';
import { registeredOrigins, startUi, type UiSession } from './session';

let u: UiSession;
beforeAll(async () => {
  u = await startUi();
  await u.pollUntil((st) => (st?.incidents.length ?? 0) > 0, 'an incident');
});
afterAll(() => u?.close());

const registered = () => registeredOrigins(u);

test('the popup\'s "Show on this site" turns the overlay on for the tab it was opened over', async () => {
  const site = await u.s.context.newPage();
  await site.goto(`${u.server.origin}/ticket`);
  const popup = await u.s.openPage('src/extension/popup/index.html');
  // The popup reads the active tab of its window when it opens: make the ticket page active.
  await site.bringToFront();
  await popup.reload();
  const toggle = popup.getByRole('switch', { name: /Show on this site/ });
  await toggle.waitFor();
  expect(await registered()).toEqual([]);
  await toggle.click();
  await expect.poll(registered, { timeout: 10_000 }).toEqual(['http://127.0.0.1/*']);
  await expect.poll(() => toggle.isChecked()).toBe(true);
  // What the agent then sees: the overlay on that page from its next load.
  await site.reload();
  const root = await closedRoot(site);
  await expect.poll(() => root.exists('.pill'), { timeout: 10_000 }).toBe(true);
  expect(await root.text('.pill')).toMatch(/^SEV-2/);
});
