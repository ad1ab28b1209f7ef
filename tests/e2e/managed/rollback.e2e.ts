import { afterEach, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { DEFAULT_POLICY } from '../../../src/core/policy';
import { installPolicy, reloadPolicies, startManaged } from './policy';

/**
 * Issue 20: IT removes values from the organisation's configuration while the browser runs. The
 * real Chromium policy file (./policy.ts) is rewritten and Chromium told to re-read it (what
 * chrome://policy's "Reload policies" does; Chromium also re-reads the folder on its own within
 * seconds); the extension hears storage.managed change and rolls back what the policy no longer sets.
 */
let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

const OPTIONS = 'src/extension/options/index.html';

async function start(config: (origin: string) => unknown) {
  const { s, server, options } = await startManaged((srv) => config(srv.origin), cleanup);
  return { s, origin: server.origin, options };
}

const send = (p: Page, cmd: string, payload: unknown) =>
  p.evaluate(([c, x]) => chrome.runtime.sendMessage({ cmd: c, payload: x }), [
    cmd,
    payload,
  ] as const) as Promise<{
    ok: boolean;
    error?: string;
    value?: unknown;
  }>;

test('a dropped managed source, site, policy and template are no longer enforced nor shown as the organisation’s; the user’s own stay', async () => {
  const { s, origin, options } = await start((origin) => ({
    sources: [{ name: 'Company status', url: `${origin}/api/v2/summary.json` }],
    sites: [{ origin: 'https://helpdesk.example' }],
    policy: { ...DEFAULT_POLICY, name: 'Acme policy' },
    templates: { en: { banner: 'Acme: an issue with {{feature}}. Updates: {{statusPageUrl}}' } },
    notifications: { newUpdate: false },
    allowUserSources: true,
    allowUserSites: true,
  }));
  await options.getByRole('heading', { name: /Company status/ }).waitFor();
  // The user's own source and site, beside the organisation's.
  // (host access as the options page asks for it; pre-approved, the headless prompt has no click)
  const own = ['http://127.0.0.1/*', 'https://own-helpdesk.example/*'];
  for (const o of own) await s.grantHost(o);
  expect(await options.evaluate((origins) => chrome.permissions.request({ origins }), own)).toBe(
    true,
  );
  const added = await send(options, 'sources/add', {
    name: 'My own feed',
    url: `${origin}/api/v2/summary.json?mine`,
    pollSeconds: 60,
  });
  expect(added.error).toBeUndefined();
  expect(
    await send(options, 'sites/enable', { origin: 'https://own-helpdesk.example' }),
  ).toMatchObject({ ok: true });
  expect(await send(options, 'settings/setPolicy', { policy: DEFAULT_POLICY })).toMatchObject({
    ok: false,
    error: expect.stringMatching(/organisation/),
  });

  // IT removes everything it had set.
  cleanup.push(await installPolicy({}));
  await reloadPolicies(s);

  await options.getByRole('heading', { name: 'My own feed' }).waitFor();
  await expect
    .poll(() => options.getByRole('heading', { name: /Company status/ }).count(), {
      timeout: 20_000,
    })
    .toBe(0);
  expect(await options.getByText('Set by your organisation').count()).toBe(0);

  await options.goto(s.url(`${OPTIONS}#sites`));
  await options.getByRole('row', { name: /own-helpdesk\.example/ }).waitFor();
  expect(await options.getByRole('row', { name: /\/\/helpdesk\.example/ }).count()).toBe(0);
  const registered = await s.worker.evaluate(async () =>
    (await chrome.scripting.getRegisteredContentScripts()).flatMap((x) => x.matches ?? []),
  );
  expect(registered).toEqual(['https://own-helpdesk.example/*']);

  // The policy and the template are the user's again: the default wording, editable, saved.
  await options.goto(s.url(`${OPTIONS}#policy`));
  await expect.poll(() => options.getByLabel('Policy name').inputValue()).toBe(DEFAULT_POLICY.name);
  expect(await options.getByLabel('Policy name').isDisabled()).toBe(false);
  expect(await options.getByText('Your organisation sets the policy').count()).toBe(0);
  expect(await send(options, 'settings/setPolicy', { policy: DEFAULT_POLICY })).toMatchObject({
    ok: true,
  });
  await options.goto(s.url(`${OPTIONS}#templates`));
  await options.getByLabel('Template', { exact: true }).selectOption('banner');
  await expect.poll(() => options.getByLabel('Template text').inputValue()).not.toContain('Acme');
  expect(await options.getByLabel('Template text').isDisabled()).toBe(false);
  const notifications = (await send(options, 'settings/setNotifications', {})).value;
  expect(notifications).toMatchObject({ newUpdate: true });
});

declare const chrome: {
  permissions: { request(p: { origins: string[] }): Promise<boolean> };
  runtime: { sendMessage(m: unknown): Promise<unknown> };
  scripting: { getRegisteredContentScripts(): Promise<{ matches?: string[] }[]> };
};
