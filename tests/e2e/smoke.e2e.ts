import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchWithExtension, type ExtensionSession } from './browser';

let s: ExtensionSession;
beforeAll(async () => {
  s = await launchWithExtension();
});
afterAll(() => s?.close());

test('the built extension loads and its service worker starts', async () => {
  expect(s.extensionId).toMatch(/^[a-p]{32}$/);
  const page = await s.openPage('src/extension/popup/index.html');
  await expect.poll(() => page.locator('h1').textContent()).toContain('Incident Lens');
});
