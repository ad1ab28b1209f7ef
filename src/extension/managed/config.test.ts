import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_POLICY } from '../../core/policy';
import { DEFAULT_TEMPLATES } from '../../core/comms/templates';
import { FORMATS } from '../../core/feed/formats/types';
import { buildManifest } from '../manifest';
import { MANAGED_KEYS, NOTIFICATION_KEYS, managedOrigins, readManaged } from './config';
import { chromeSchemaErrors, type ChromeSchema } from './schema.test-kit';

const root = resolve(import.meta.dirname, '../../..');
const json = (p: string): unknown => JSON.parse(readFileSync(resolve(root, p), 'utf8'));
const schema = json('public/managed_schema.json') as ChromeSchema;
const example = json('docs/managed/config.example.json') as Record<string, unknown>;

describe('readManaged: the worked example', () => {
  it('reads every value of the README example with no problem', () => {
    const { config, problems, present } = readManaged(example);
    expect(problems).toEqual([]);
    expect(present).toBe(true);
    expect(config.sources.map((s) => [s.name, s.format, s.pollSeconds])).toEqual([
      ['Acme status', 'auto', 60],
      ['Payments (private page)', 'atom', 120],
    ]);
    expect(config.sources[1]?.headers).toEqual({ Authorization: 'Bearer read-only-feed-token' });
    expect(config.sites).toEqual([{ origin: 'https://acme.zendesk.com', corner: 'bottom-left' }]);
    expect(config.allowUserSources).toBe(false);
    expect(config.allowUserSites).toBe(true);
    expect(config.notifications).toEqual({ newUpdate: false, minSeverity: 2, role: 'agent' });
    expect(config.team).toEqual({ serverUrl: 'https://lens.acme.example/', team: 'support-emea' });
    expect(Object.keys(config.templates)).toEqual(['en', 'de']);
  });

  it('asks for host access to every managed origin, once each', () => {
    const { config } = readManaged(example);
    expect(managedOrigins(config)).toEqual([
      'https://status.acme.example/*',
      'https://payments.acme.example/*',
      'https://acme.zendesk.com/*',
    ]);
  });

  it('reads nothing as nothing managed, users free to add their own', () => {
    const r = readManaged({});
    expect(r).toMatchObject({ present: false, problems: [] });
    expect(r.config).toMatchObject({ sources: [], policy: null, allowUserSources: true });
  });
});

describe('readManaged: an invalid value is left out, with its reason, and the rest applies', () => {
  it('drops one bad source and keeps the others', () => {
    const { config, problems } = readManaged({
      sources: [
        { name: 'Good', url: 'https://good.example/feed.json' },
        { name: 'FTP', url: 'ftp://bad.example/feed' },
        { name: 'Plain', url: 'http://intranet.example/feed' },
        { name: 'Twice', url: 'https://good.example/feed.json' },
        { name: 'Odd', url: 'https://odd.example/', format: 'xml' },
        { name: 'Hdr', url: 'https://h.example/', headers: { Cookie: 'x' } },
        { name: 'Fast', url: 'https://f.example/', pollSeconds: 5 },
        'not an object',
      ],
    });
    expect(config.sources.map((s) => s.name)).toEqual(['Good']);
    expect(problems).toEqual([
      { path: 'sources[1].url', reason: 'badUrl', detail: '' },
      { path: 'sources[2].url', reason: 'httpsOnly', detail: '' },
      { path: 'sources[3].url', reason: 'duplicate', detail: '' },
      { path: 'sources[4].format', reason: 'badFormat', detail: '' },
      { path: 'sources[5].headers.Cookie', reason: 'badHeader', detail: '' },
      { path: 'sources[6].pollSeconds', reason: 'badPoll', detail: '' },
      { path: 'sources[7]', reason: 'notObject', detail: '' },
    ]);
  });

  it('refuses a policy validatePolicy refuses, quoting its messages at their paths', () => {
    const policy = structuredClone(DEFAULT_POLICY) as unknown as {
      levels: { obligations: { dueMinutes: number }[] }[];
    };
    policy.levels[1]!.obligations[2]!.dueMinutes = -5;
    const { config, problems } = readManaged({ policy, allowUserSites: false });
    expect(config.policy).toBeNull();
    expect(config.allowUserSites).toBe(false);
    expect(problems).toEqual([
      {
        path: 'policy.levels[1].obligations[2].dueMinutes',
        reason: 'badPolicy',
        detail: 'levels[1].obligations[2].dueMinutes must be a number ≥ 0',
        policy: expect.objectContaining({
          path: 'levels[1].obligations[2].dueMinutes',
          code: 'notNegative',
        }),
      },
    ]);
  });

  it('takes a valid policy as it is', () => {
    expect(readManaged({ policy: DEFAULT_POLICY }).config.policy).toEqual(DEFAULT_POLICY);
  });

  it('refuses a template with an unknown placeholder or without one of the three elements', () => {
    const { config, problems } = readManaged({
      templates: {
        en: {
          update: 'We are on it. Next update by {{nextUpdateTime}}.',
          banner: 'Issue: {{feature}}',
        },
        de: { initial: 'Störung {{typo}}' },
        fr: {},
      },
    });
    expect(config.templates).toEqual({ en: { banner: 'Issue: {{feature}}' }, de: {} });
    expect(problems.map((p) => [p.path, p.reason])).toEqual([
      ['templates.en.update', 'badTemplate'],
      ['templates.de.initial', 'badTemplate'],
      ['templates.fr', 'unknownKey'],
    ]);
    expect(problems[0]?.detail).toContain('{{impacted}}');
    expect(problems[1]?.detail).toContain('{{typo}}');
  });

  it('never reads a password for the team server, and keeps the server', () => {
    const { config, problems } = readManaged({
      team: { serverUrl: 'https://lens.acme.example', password: 'hunter2', colour: 'red' },
    });
    expect(config.team).toEqual({ serverUrl: 'https://lens.acme.example/' });
    expect(JSON.stringify(config)).not.toContain('hunter2');
    expect(problems.map((p) => [p.path, p.reason])).toEqual([
      ['team.password', 'password'],
      ['team.colour', 'unknownKey'],
    ]);
  });

  it('names unknown settings, wrong types and bad sites', () => {
    const { config, problems } = readManaged({
      sitez: [],
      sites: [
        'acme.zendesk.com',
        'javascript:alert(1)',
        { origin: 'https://x.example', corner: 'middle' },
      ],
      notifications: { newIncident: 'yes', obligationDue: false, pager: true },
      allowUserSources: 'no',
    });
    expect(config.sites).toEqual([{ origin: 'https://acme.zendesk.com' }]);
    expect(config.notifications).toEqual({ obligationDue: false });
    expect(config.allowUserSources).toBe(true);
    expect(problems.map((p) => [p.path, p.reason])).toEqual([
      ['sitez', 'unknownKey'],
      ['sites[1]', 'badSite'],
      ['sites[2].corner', 'wrongType'],
      ['notifications.newIncident', 'wrongType'],
      ['notifications.pager', 'unknownKey'],
      ['allowUserSources', 'wrongType'],
    ]);
  });

  it('reads the notification filters as defaults and explains each refused one', () => {
    const { config, problems } = readManaged({
      notifications: {
        minSeverity: 2,
        role: 'agent',
        mutedSources: ['https://status.noisy.example/api/v2/summary.json', 'http://evil.example/x'],
      },
    });
    expect(config.notifications).toEqual({
      minSeverity: 2,
      role: 'agent',
      mutedSources: ['https://status.noisy.example/api/v2/summary.json'],
    });
    expect(problems.map((p) => [p.path, p.reason])).toEqual([
      ['notifications.mutedSources[1]', 'httpsOnly'],
    ]);
    const none = readManaged({ notifications: { mutedSources: ['ftp://x.example/feed'] } });
    expect(none.config.notifications).toEqual({});
    const bad = readManaged({ notifications: { minSeverity: 0, role: 'boss', mutedSources: 'x' } });
    expect(bad.config.notifications).toEqual({});
    expect(bad.problems.map((p) => [p.path, p.reason])).toEqual([
      ['notifications.minSeverity', 'badChoice'],
      ['notifications.role', 'badChoice'],
      ['notifications.mutedSources', 'wrongType'],
    ]);
  });

  it('ignores inherited keys smuggled through __proto__', () => {
    const raw = JSON.parse('{"__proto__": {"allowUserSources": false}}') as unknown;
    expect(readManaged(raw).config.allowUserSources).toBe(true);
  });
});

describe('managed_schema.json maps onto the reader', () => {
  it('declares exactly the keys the reader reads', () => {
    expect(Object.keys(schema.properties ?? {}).sort()).toEqual([...MANAGED_KEYS].sort());
  });

  it('lists every feed format, template id and notification kind the reader accepts', () => {
    const props = schema.properties!;
    const source = props.sources!.items!.properties!;
    expect(source.format!.enum).toEqual(['auto', ...FORMATS]);
    const set = props.templates!.properties!.en!.properties!;
    expect(Object.keys(set).sort()).toEqual(Object.keys(DEFAULT_TEMPLATES).sort());
    expect(Object.keys(props.notifications!.properties!)).toEqual([...NOTIFICATION_KEYS]);
    expect(props.team!.properties).not.toHaveProperty('password');
  });

  it('accepts the worked example and the default policy, as Chrome would', () => {
    expect(chromeSchemaErrors(schema, example)).toEqual([]);
    expect(chromeSchemaErrors(schema, { policy: DEFAULT_POLICY })).toEqual([]);
  });

  it('accepts the notification filters and drops a bad one as Chrome would', () => {
    const notifications = { minSeverity: 2, role: 'comms', mutedSources: ['https://a.example/'] };
    expect(chromeSchemaErrors(schema, { notifications })).toEqual([]);
    expect(chromeSchemaErrors(schema, { notifications: { minSeverity: 7, role: 'x' } })).toEqual([
      'notifications.minSeverity: above 4',
      'notifications.role: not one of the enum',
    ]);
  });

  it('refuses a wrong type the way Chrome drops it', () => {
    expect(
      chromeSchemaErrors(schema, { allowUserSources: 'no', sources: [{ pollSeconds: 5 }] }),
    ).toEqual(['allowUserSources: not boolean', 'sources[0].pollSeconds: below 30']);
  });

  it('is named by the Chrome manifest and left out of the Firefox one', () => {
    const chrome = buildManifest('chrome', '1.0.0') as { storage?: { managed_schema: string } };
    expect(chrome.storage?.managed_schema).toBe('managed_schema.json');
    expect(buildManifest('firefox', '1.0.0')).not.toHaveProperty('storage');
  });

  it('gives the README both policy files with the same configuration', () => {
    const chromePolicy = json('docs/managed/chrome-policy.json') as {
      '3rdparty': { extensions: Record<string, unknown> };
    };
    const firefox = json('docs/managed/policies.json') as {
      policies: { '3rdparty': { Extensions: Record<string, unknown> } };
    };
    expect(Object.values(chromePolicy['3rdparty'].extensions)).toEqual([example]);
    expect(firefox.policies['3rdparty'].Extensions).toEqual({
      'incident-lens@incident-lens.dev': example,
    });
    const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
    expect(readme).toContain('"3rdparty"');
    expect(readme).toContain('"Extensions"');
  });
});
