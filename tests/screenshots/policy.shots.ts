import { afterAll, test } from 'vitest';
import { launchWithExtension, type ExtensionSession } from '../e2e/browser';
import { installPolicy } from '../e2e/managed/policy';

let s: ExtensionSession | undefined;
let removePolicy: (() => Promise<void>) | undefined;
afterAll(async () => {
  await s?.close();
  await removePolicy?.();
});

// `npm run docs:screenshots`: the options page under a managed configuration (a real Chromium
// enterprise policy file, as in tests/e2e/managed), and the policy editor (no policy installed).
test('docs/managed-options.png', async () => {
  removePolicy = await installPolicy({
    sources: [
      { name: 'Company status', url: 'https://status.acme.example/api/v2/summary.json' },
      { name: 'Broken feed', url: 'ftp://status.example/feed' },
    ],
    sites: [{ origin: 'https://acme.zendesk.example' }],
    allowUserSources: false,
  });
  s = await launchWithExtension();
  const page = await s.openPage('src/extension/options/index.html#sources');
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.getByRole('heading', { name: /Company status/ }).waitFor();
  await page.screenshot({ path: 'docs/managed-options.png' });
  await removePolicy();
  removePolicy = undefined;
  await s.close();
  s = undefined;
});

// The shared settings (with the widespread-impact threshold that classification uses, and a
// refused cadence explained at its field) and SEV-1's and SEV-2's rules.
test('docs/policy-editor.png', async () => {
  s = await launchWithExtension();
  const editor = await s.openPage('src/extension/options/index.html#policy');
  await editor.setViewportSize({ width: 1100, height: 1400 });
  const sev2 = editor.getByRole('group', { name: 'SEV-2 (Major)' });
  await sev2.getByLabel('Public status page updated: minutes after classification').fill('15');
  await editor.getByLabel('Status page update cadence (minutes)').fill('0');
  await editor.locator('#policy-cadence-err').waitFor();
  // the classification threshold is in the picture, with the policy's value
  await editor.getByLabel(/^Widespread impact: share of active users/).waitFor();
  await editor.screenshot({ path: 'docs/policy-editor.png' });
});
