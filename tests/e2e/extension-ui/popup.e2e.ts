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

test('the popup\'s "Show on this site" turns the overlay on (and off) for the tab it was opened over, without a reload', async () => {
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
  await expect.poll(registered, { timeout: 10_000 }).toEqual([`${u.server.origin}/*`]);
  await expect.poll(() => toggle.isChecked()).toBe(true);
  // What the agent then sees: the overlay on the page at hand, without reloading it.
  const root = await closedRoot(site);
  await expect.poll(() => root.exists('.pill'), { timeout: 10_000 }).toBe(true);
  expect(await root.text('.pill')).toMatch(/^SEV-2/);
  // and it stays across the page's next load
  await site.reload();
  const again = await closedRoot(site);
  await expect.poll(() => again.exists('.pill'), { timeout: 10_000 }).toBe(true);
  // Off: it leaves the open page at once.
  await toggle.click();
  await expect.poll(registered, { timeout: 10_000 }).toEqual([]);
  await expect
    .poll(() => site.evaluate(() => document.querySelectorAll('div[data-incident-lens]').length), {
      timeout: 10_000,
    })
    .toBe(0);
});

/** The side panel's document, as the extension sees its contexts (undefined while none is open). */
const sidePanelUrl = () =>
  u.ext.evaluate(async () => {
    const rt = (
      globalThis as unknown as {
        chrome: {
          runtime: {
            getContexts(f: { contextTypes: string[] }): Promise<{ documentUrl?: string }[]>;
          };
        };
      }
    ).chrome.runtime;
    const [panel] = await rt.getContexts({ contextTypes: ['SIDE_PANEL'] });
    return panel?.documentUrl?.replace(/^chrome-extension:\/\/[^/]+\//, '');
  });

test('the popup opens the responder in the side panel, on the declare form when asked, and closes', async () => {
  expect(await sidePanelUrl()).toBeUndefined();
  for (const [button, path] of [
    [/^Open responder$/, 'src/extension/sidepanel/index.html#/'],
    [/^Declare incident$/, 'src/extension/sidepanel/index.html#/declare'],
  ] as const) {
    const popup = await u.s.openPage('src/extension/popup/index.html');
    const closed = popup.waitForEvent('close');
    await popup.getByRole('button', { name: button }).click();
    await expect.poll(sidePanelUrl, { timeout: 10_000 }).toBe(path);
    await closed;
  }
});

test('a side panel that will not open: the responder opens in a tab instead', async () => {
  const popup = await u.s.openPage('src/extension/popup/index.html');
  await popup.getByRole('button', { name: /^Declare incident$/ }).waitFor();
  await popup.evaluate(() => {
    const c = globalThis as unknown as { chrome: { sidePanel: { open: () => Promise<void> } } };
    c.chrome.sidePanel.open = () => Promise.reject(new Error('No user gesture'));
  });
  const tab = u.s.context.waitForEvent('page', { timeout: 10_000 });
  await popup.getByRole('button', { name: /^Declare incident$/ }).click();
  const page = await tab;
  expect(page.url()).toMatch(/\/src\/extension\/sidepanel\/index\.html#\/declare$/);
  await page
    .getByRole('heading', { name: /Declare/ })
    .first()
    .waitFor();
  await page.close();
});
