import { afterEach, describe, expect, test } from 'vitest';
import { axe } from '../browser';
import type { TestServer } from '../server';
import { until } from '../support/wait';
import { DEFAULT_POLICY } from '../../../src/core/policy';
import { startManaged } from './policy';

/**
 * The managed configuration, end to end: a real Chromium enterprise policy file (./policy.ts)
 * read by the real extension through storage.managed.
 */
let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

/** The browser under `config`, its feed server and the options page (./policy.ts). */
const start = (config: (server: TestServer) => unknown) => startManaged(config, cleanup);

describe('a managed configuration from enterprise policy', () => {
  test('managed sources appear locked; an invalid value is explained; own sources sit beside them', async () => {
    const { s, server, options } = await start((server) => ({
      sources: [
        { name: 'Company status', url: `${server.origin}/api/v2/summary.json` },
        { name: 'Broken feed', url: 'ftp://status.example/feed' },
      ],
      sites: [{ origin: 'https://helpdesk.example', corner: 'top-left' }],
      allowUserSources: true,
    }));
    const managed = options.getByRole('heading', { name: /Company status/ });
    await managed.waitFor();
    await expect(managed.textContent()).resolves.toContain('Set by your organisation');
    const card = options.locator('li', { has: managed });
    await expect(card.getByRole('button').count()).resolves.toBe(0);
    // The invalid one is named as its field, with the reason in words, and nothing else is lost.
    const ignored = options.getByRole('status').filter({ hasText: 'ignored' });
    await expect(ignored.textContent()).resolves.toContain('1 managed value ignored');
    await expect(ignored.textContent()).resolves.toContain(
      '“Feed URL of source 2” is not a valid web address (http or https).',
    );
    await expect(options.getByRole('heading', { name: /Broken feed/ }).count()).resolves.toBe(0);

    // One prompt for every managed origin (pre-approved, as the headless prompt cannot be clicked).
    const list = options.locator('.managed-access li');
    await expect(list.allTextContents()).resolves.toEqual([
      `${server.origin}/*`,
      'https://helpdesk.example/*',
    ]);
    await s.grantHost(`${server.origin}/*`);
    await s.grantHost('https://helpdesk.example/*');
    await options.getByRole('button', { name: 'Allow access to all of them' }).click();
    await options.locator('.managed-access').waitFor({ state: 'detached' });

    // The user's own source, beside the managed one, removable.
    await options.getByLabel('Name').fill('My own feed');
    await options.getByLabel(/^Feed URL/).fill(`${server.origin}/api/v2/summary.json?mine`);
    await options.getByRole('button', { name: 'Add a source' }).click();
    await options.getByRole('heading', { name: 'My own feed' }).waitFor();
    await options.getByRole('button', { name: 'Remove My own feed' }).waitFor();
    await expect(options.getByRole('button', { name: /Company status/ }).count()).resolves.toBe(0);

    // The managed site is locked too.
    await options.goto(s.url('src/extension/options/index.html#sites'));
    const row = options.getByRole('row', { name: /helpdesk\.example/ });
    await expect(row.textContent()).resolves.toContain('Set by your organisation');
    await expect(row.getByRole('button', { name: /Turn off/ }).count()).resolves.toBe(0);
    expect(await axe(options)).toEqual([]);
  });

  test('without allowUserSources the add form gives way to the reason; a managed policy and template are locked', async () => {
    const { s, options } = await start((server) => ({
      sources: [{ name: 'Company status', url: `${server.origin}/api/v2/summary.json` }],
      allowUserSources: false,
      allowUserSites: false,
      policy: { ...DEFAULT_POLICY, name: 'Acme policy' },
      templates: { en: { banner: 'Acme: an issue with {{feature}}. Updates: {{statusPageUrl}}' } },
    }));
    await options.getByRole('heading', { name: /Company status/ }).waitFor();
    await options.getByText('Your organisation does not allow adding your own sources.').waitFor();
    await expect(options.getByRole('button', { name: 'Add a source' }).count()).resolves.toBe(0);
    await until(
      'the policy is visible to the worker too',
      async () => {
        const r = (await options.evaluate(() =>
          chrome.runtime.sendMessage({
            cmd: 'sources/add',
            payload: { name: 'x', url: 'https://x.example/feed.json', pollSeconds: 60 },
          }),
        )) as { ok: boolean; error?: string };
        return !r.ok && /organisation/.test(r.error ?? '');
      },
      20_000,
    );
    expect(await axe(options)).toEqual([]);

    // The policy and the template the organisation set are locked in their editors.
    await options.goto(s.url('src/extension/options/index.html#policy'));
    await options
      .getByText('Your organisation sets the policy; it cannot be changed here.')
      .waitFor();
    await expect(options.getByLabel('Policy name').inputValue()).resolves.toBe('Acme policy');
    await expect(options.getByLabel('Policy name').isDisabled()).resolves.toBe(true);
    await expect(options.getByRole('button', { name: 'Save the policy' }).count()).resolves.toBe(0);
    await options.goto(s.url('src/extension/options/index.html#templates'));
    await options.getByLabel('Template', { exact: true }).selectOption('banner');
    await options
      .getByText('Your organisation sets this template; it cannot be changed here.')
      .waitFor();
    await expect(options.getByLabel('Template text').inputValue()).resolves.toContain(
      'Acme: an issue',
    );
    await expect(options.getByLabel('Template text').isDisabled()).resolves.toBe(true);
    expect(await axe(options)).toEqual([]);
  });
  test('notification defaults show as the organisation’s until the agent changes them; a bad one is explained', async () => {
    const { options, s } = await start(() => ({
      notifications: { role: 'agent', mutedSources: ['ftp://status.example/feed'] },
    }));
    await options.goto(s.url('src/extension/options/index.html#notifications'));
    const agent = options.getByRole('radio', { name: /support agent/ });
    await until('the organisation’s role default', () => agent.isChecked());
    const role = options.getByRole('group', { name: /My role/ });
    await expect(role.textContent()).resolves.toContain('default set by your organisation');
    // the refused mute is named in the organisation's notice, and mutes nothing
    await expect(options.locator('body').textContent()).resolves.toContain(
      '“Muted source 1” is not a valid web address (http or https).',
    );
    const sources = options.getByRole('group', { name: /Sources to notify about/ });
    await expect(sources.textContent()).resolves.not.toContain('default set by your organisation');
    // the agent's own choice: theirs from now on, no longer marked as the organisation's
    await options.getByRole('radio', { name: /^comms/ }).check();
    await until(
      'the choice to be stored',
      async () =>
        (await role.textContent())?.includes('default set by your organisation') === false,
    );
    expect(await options.getByRole('radio', { name: /^comms/ }).isChecked()).toBe(true);
    expect(await axe(options)).toEqual([]);
  });
});

declare const chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
