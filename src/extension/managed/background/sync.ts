import { DEFAULT_CORNER } from '../../sites/corner';
import { deleteSource, listSources, putSource } from '../../db/sources';
import { getSite, listSites, putSite } from '../../db/sites';
import { DEFAULT_NOTIFICATIONS, getSetting, setSetting } from '../../db/settings';
import type { SettingRecord, SiteRecord, SourceRecord } from '../../db/schema';
import { withManagedDefaults } from '../../notifications/prefs';
import type { Deps } from '../../background/deps';
import { feedUrlWarning } from '../../origins/page-origin';
import { originPattern } from '../../origins/match-patterns';
import { releaseOrigin } from '../../sites/background/registration';
import { readManaged, type ManagedConfig, type ManagedRead } from '../config';
import { templateKey } from '../templates';

/** A managed source's id: stable across reads, so its poll state and data survive a re-read. */
export const managedSourceId = (url: string): string => `managed:${url}`;

async function syncSources(deps: Deps, config: ManagedConfig): Promise<void> {
  const db = await deps.db();
  const now = deps.now();
  const existing = await listSources(db);
  const wanted = new Set(config.sources.map((s) => managedSourceId(s.url)));
  for (const old of existing) {
    if (old.managed && !wanted.has(old.id)) {
      await deleteSource(db, old.id);
      await releaseOrigin(deps, originPattern(old.url));
    }
  }
  for (const s of config.sources) {
    const id = managedSourceId(s.url);
    const old = existing.find((x) => x.id === id);
    const next: SourceRecord = {
      ...(old ?? { id, createdAt: now, failures: 0, nextPollAt: now, enabled: true }),
      name: s.name,
      url: s.url,
      pollSeconds: s.pollSeconds,
      managed: true,
    };
    if (s.format === 'auto') delete next.format;
    else next.format = s.format;
    if (Object.keys(s.headers).length > 0) next.headers = s.headers;
    else delete next.headers;
    const warning = feedUrlWarning(s.url);
    if (warning) next.warning = warning;
    // The organisation decides whether it is polled: a managed source is always on.
    next.enabled = true;
    await putSource(db, next);
  }
}

async function syncSites(deps: Deps, config: ManagedConfig): Promise<void> {
  const db = await deps.db();
  const wanted = new Map(config.sites.map((s) => [originPattern(s.origin), s]));
  for (const old of await listSites(db)) {
    if (old.managed && !wanted.has(old.pattern)) {
      // No longer the organisation's: the user's to keep or turn off.
      const { managed: _gone, ...mine } = old;
      await putSite(db, mine);
    }
  }
  for (const [pattern, s] of wanted) {
    const old = await getSite(db, pattern);
    const granted = await deps.platform.hasOrigin(pattern);
    const site: SiteRecord = {
      pattern,
      origin: s.origin,
      enabled: true,
      addedAt: old?.addedAt ?? deps.now(),
      corner: s.corner ?? old?.corner ?? DEFAULT_CORNER,
      revoked: !granted,
      managed: true,
    };
    await putSite(db, site);
    await deps.platform.registerOverlay(pattern);
  }
}

/** The policy, the templates and the notification defaults the organisation set. */
async function syncSettings(deps: Deps, config: ManagedConfig): Promise<void> {
  const db = await deps.db();
  if (config.policy) {
    const current = await getSetting(db, 'policy');
    if (JSON.stringify(current) !== JSON.stringify(config.policy))
      await setSetting(db, 'policy', config.policy);
  }
  const entries = Object.entries(config.templates).flatMap(([lang, set]) =>
    Object.entries(set).map(([id, text]) => [templateKey(id, lang), text] as const),
  );
  if (entries.length > 0) {
    const templates = { ...(await getSetting(db, 'templates')), ...Object.fromEntries(entries) };
    await setSetting(db, 'templates', templates);
  }
  // Defaults: every notification setting the agent did not choose follows the organisation's
  // default as it changes (and the built-in one once dropped); their own choices are kept.
  const stored = (await db.get('settings', 'notifications')) as
    SettingRecord<'notifications'> | undefined;
  const before = stored ? await getSetting(db, 'notifications') : undefined;
  const next = withManagedDefaults(before, config.notifications, DEFAULT_NOTIFICATIONS);
  if (JSON.stringify(next) !== JSON.stringify(before ?? { ...DEFAULT_NOTIFICATIONS, chosen: [] }))
    await setSetting(db, 'notifications', next);
}

/**
 * Applies the organisation's configuration to storage: managed sources and sites are written
 * (marked `managed`) or removed when the policy dropped them; the policy and templates replace the
 * local ones (the editors lock what is managed). Values `readManaged` refused never get here.
 */
export async function applyManaged(deps: Deps, config: ManagedConfig): Promise<void> {
  await syncSources(deps, config);
  await syncSites(deps, config);
  await syncSettings(deps, config);
}

/** The organisation's configuration as the worker sees it now (the typed reader for the worker). */
export async function currentManaged(deps: Pick<Deps, 'platform'>): Promise<ManagedRead> {
  return readManaged(await deps.platform.managedStorage());
}

/** Reads `storage.managed` and applies it: at every boot and whenever the policy changes. */
export async function syncManaged(deps: Deps): Promise<ManagedRead> {
  const read = await currentManaged(deps);
  await applyManaged(deps, read.config);
  return read;
}

/** The words of a refusal: the view shows them as they are. */
export const SET_BY_ORGANISATION =
  'Set by your organisation: it cannot be changed or removed here.';
export const NOT_ALLOWED_BY_ORGANISATION = 'Your organisation does not allow adding your own here.';
