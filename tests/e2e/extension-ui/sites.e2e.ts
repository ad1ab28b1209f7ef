import { afterEach, beforeEach, expect, test } from 'vitest';
import { startServer } from '../server';
import { closedRoot } from './closed-root';
import { enableSiteFromOptions, registeredOrigins, startUi, type UiSession } from './session';

// Each test has its own browser with the site turned on: any test runs alone, in any order.
let u: UiSession;
beforeEach(async () => {
  u = await startUi();
  await enableSiteFromOptions(u);
});
afterEach(() => u?.close());

const registered = () => registeredOrigins(u);

/** Removes the origin's host access the way a user does in the browser's settings. */
async function revokeAccess(): Promise<void> {
  await u.s.worker.evaluate(() =>
    (
      globalThis as unknown as {
        chrome: { permissions: { remove(p: { origins: string[] }): Promise<boolean> } };
      }
    ).chrome.permissions.remove({ origins: ['http://127.0.0.1/*'] }),
  );
  // (the broad grant the test harness pre-approved goes, and with it the site's own)
  await u.ext.reload();
  await expect
    .poll(() => u.ext.locator('main').textContent(), { timeout: 10_000 })
    .toContain('access was removed in the browser settings');
}

test('turning a site on registers the overlay for that origin only, port included; no host access at install', async () => {
  // Chrome honours ports (issue 16, item 16): the site on one port is not every port of 127.0.0.1
  expect(await registered()).toEqual([`${u.server.origin}/*`]);
  const other = await startServer();
  try {
    other.html('/ticket', '<!doctype html><title>Other app</title><p>Checkout is down</p>');
    u.server.html('/ticket2', '<!doctype html><title>Helpdesk</title><p>Checkout is down</p>');
    // the other port first, then the site's own: once the own page shows the pill, the other
    // (loaded earlier, same injection timing) would have shown one too
    const elsewhere = await u.s.context.newPage();
    await elsewhere.goto(`${other.origin}/ticket`);
    const own = await u.s.context.newPage();
    await own.goto(`${u.server.origin}/ticket2`);
    await expect
      .poll(async () => (await closedRoot(own)).exists('.pill'), { timeout: 10_000 })
      .toBe(true);
    expect(
      await elsewhere.evaluate(() => document.querySelectorAll('div[data-incident-lens]').length),
    ).toBe(0);
  } finally {
    await other.close();
  }
  const manifest = await u.s.worker.evaluate(() =>
    (
      globalThis as unknown as { chrome: { runtime: { getManifest(): unknown } } }
    ).chrome.runtime.getManifest(),
  );
  expect(manifest).not.toHaveProperty('host_permissions');
  expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
});

test('access removed in the browser is detected and shown on the Sites page', async () => {
  await revokeAccess();
});

test('turning the site off removes its registration, even after its access was revoked', async () => {
  await revokeAccess();
  // Even with access revoked, the site can be turned off from here (or turned on again).
  await u.ext.getByRole('button', { name: `Turn off for ${u.server.origin}` }).click();
  await expect.poll(registered, { timeout: 10_000 }).toEqual([]);
  await expect.poll(() => u.ext.locator('main').textContent()).not.toContain('access was removed');
});
