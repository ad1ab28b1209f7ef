/**
 * Export the current setup as the organisation's managed configuration, so a lead can try it in
 * the browser and hand IT the file. Request headers are left out (they may hold a token: IT adds
 * them in the policy file), and so is anything the organisation already set.
 */
import type { Policy } from '../../core/types';
import type { NotificationPrefs, SiteRecord, SourceRecord } from '../db/schema';
import { LANGUAGES } from './config';

export interface ExportInput {
  sources: SourceRecord[];
  sites: SiteRecord[];
  policy: Policy;
  templates: Record<string, string>;
  notifications: NotificationPrefs;
}

/** The managed configuration (what goes under the extension's id in a policy file). */
export function toManagedConfig(input: ExportInput): Record<string, unknown> {
  const templates: Record<string, Record<string, string>> = {};
  for (const [key, text] of Object.entries(input.templates)) {
    const [lang, id] = key.includes(':') ? key.split(':', 2) : ['en', key];
    if (!lang || !id || !LANGUAGES.includes(lang as 'en')) continue;
    (templates[lang] ??= {})[id] = text;
  }
  return {
    sources: input.sources.map((s) => ({
      name: s.name,
      url: s.url,
      pollSeconds: s.pollSeconds,
      ...(s.format ? { format: s.format } : {}),
    })),
    sites: input.sites
      .filter((s) => s.enabled)
      .map((s) => ({ origin: s.origin, corner: s.corner })),
    policy: input.policy,
    templates,
    notifications: notificationDefaults(input),
    allowUserSources: true,
    allowUserSites: true,
  };
}

/**
 * The notification settings as managed defaults: what the schema declares, a muted source by its
 * feed URL (ids are per browser), no "every incident" severity (absent says that).
 */
function notificationDefaults(input: ExportInput): Record<string, unknown> {
  const { chosen: _mine, minSeverity, mutedSources, ...rest } = input.notifications;
  const urls = mutedSources.map((m) => input.sources.find((s) => s.id === m)?.url ?? m);
  return {
    ...rest,
    ...(minSeverity !== null ? { minSeverity } : {}),
    mutedSources: [...new Set(urls)].filter((u) => /^https?:\/\//.test(u)),
  };
}

/** Chrome's policy file (/etc/opt/chrome/policies/managed/*.json on Linux, or the admin console). */
export function chromePolicyFile(extensionId: string, config: unknown): string {
  return JSON.stringify({ '3rdparty': { extensions: { [extensionId]: config } } }, null, 2);
}

/** Firefox's policies.json. */
export function firefoxPolicyFile(addonId: string, config: unknown): string {
  return JSON.stringify(
    { policies: { '3rdparty': { Extensions: { [addonId]: config } } } },
    null,
    2,
  );
}
