import { afterEach, beforeEach, expect, test } from 'vitest';
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
  await u.ext.reload();
  await expect
    .poll(() => u.ext.locator('main').textContent(), { timeout: 10_000 })
    .toContain('access was removed in the browser settings');
}

test('turning a site on registers the overlay for that origin only; no host access at install', async () => {
  expect(await registered()).toEqual(['http://127.0.0.1/*']);
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
