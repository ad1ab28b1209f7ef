import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../core/policy';
import { DEFAULT_NOTIFICATIONS } from '../db/settings';
import { readManaged } from './config';
import { chromePolicyFile, firefoxPolicyFile, toManagedConfig } from './export';

const input = {
  sources: [
    {
      id: 's1',
      name: 'Acme',
      url: 'https://status.acme.example/api/v2/summary.json',
      pollSeconds: 60,
      enabled: true,
      createdAt: 0,
      failures: 0,
      nextPollAt: 0,
      headers: { Authorization: 'Bearer secret' },
    },
  ],
  sites: [
    {
      pattern: 'https://a.example/*',
      origin: 'https://a.example',
      enabled: true,
      addedAt: 0,
      corner: 'top-left' as const,
    },
    {
      pattern: 'https://b.example/*',
      origin: 'https://b.example',
      enabled: false,
      addedAt: 0,
      corner: 'top-left' as const,
    },
  ],
  policy: DEFAULT_POLICY,
  templates: { banner: 'Issue with {{feature}}.', 'de:banner': 'Störung bei {{feature}}.' },
  notifications: DEFAULT_NOTIFICATIONS,
};

describe('export the current setup as a managed configuration', () => {
  it('reads back with no problem and the same values', () => {
    const config = toManagedConfig(input);
    const { config: read, problems } = readManaged(config);
    expect(problems).toEqual([]);
    expect(read.sources.map((s) => s.url)).toEqual([input.sources[0]!.url]);
    expect(read.sites).toEqual([{ origin: 'https://a.example', corner: 'top-left' }]);
    expect(read.policy).toEqual(DEFAULT_POLICY);
    expect(read.templates).toEqual({
      en: { banner: 'Issue with {{feature}}.' },
      de: { banner: 'Störung bei {{feature}}.' },
    });
  });

  it('exports the notification filters as defaults: a muted source by its feed URL', () => {
    const notifications = {
      ...DEFAULT_NOTIFICATIONS,
      minSeverity: 2 as const,
      role: 'comms' as const,
      mutedSources: [input.sources[0]!.id],
      chosen: ['minSeverity' as const],
    };
    const { config, problems } = readManaged(toManagedConfig({ ...input, notifications }));
    expect(problems).toEqual([]);
    expect(config.notifications).toMatchObject({
      minSeverity: 2,
      role: 'comms',
      mutedSources: [input.sources[0]!.url],
    });
    expect(config.notifications).not.toHaveProperty('chosen');
  });

  it('leaves request headers out (a token is for IT to add)', () => {
    expect(JSON.stringify(toManagedConfig(input))).not.toContain('secret');
  });

  it('wraps it as Chrome and Firefox expect', () => {
    expect(JSON.parse(chromePolicyFile('abc', { x: 1 }))).toEqual({
      '3rdparty': { extensions: { abc: { x: 1 } } },
    });
    expect(JSON.parse(firefoxPolicyFile('a@b', { x: 1 }))).toEqual({
      policies: { '3rdparty': { Extensions: { 'a@b': { x: 1 } } } },
    });
  });
});
