import { DEFAULT_CORNER } from '../../sites/corner';
import { deleteSource, listSources, putSource } from '../../db/sources';
import { deleteSite, getSite, listSites, putSite } from '../../db/sites';
import { DEFAULT_NOTIFICATIONS, getSetting, setSetting } from '../../db/settings';
import type { SettingRecord, SiteRecord, SourceRecord } from '../../db/schema';
import { withManagedDefaults } from '../../notifications/prefs';
import type { Deps } from '../../background/deps';
import { feedUrlWarning } from '../../origins/page-origin';
import { originPattern } from '../../origins/match-patterns';
import { releaseOrigin } from '../../sites/background/registration';
import { readManaged, type ManagedConfig, type ManagedRead } from '../config';
import { templateKey } from '../templates';
import {
  readApplied,
  restoredPolicy,
  restoredTemplates,
  writeApplied,
  type Applied,
} from './rollback';

/**
 * Team mode: what the managed policy writes into the team's shared policy and templates is logged
 * as applied by IT (the signed-in agent stays its author: the server takes no other).
 */
const IT = { via: 'managed' } as const;

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

async function syncSites(deps: Deps, config: ManagedConfig, applied: Applied): Promise<void> {
  const db = await deps.db();
  const wanted = new Map(config.sites.map((s) => [originPattern(s.origin), s]));
  for (const old of await listSites(db)) {
    if (!old.managed || wanted.has(old.pattern)) continue;
    if (applied.ownSites.includes(old.pattern)) {
      // The user had it on before the organisation listed it: theirs again.
      const { managed: _gone, ...mine } = old;
      await putSite(db, mine);
    } else {
      // Only the organisation put it there: the overlay goes with the policy.
      await deleteSite(db, old.pattern);
      await deps.platform.unregisterOverlay(old.pattern);
      await deps.platform.hideOverlayIn(old.pattern);
      await releaseOrigin(deps, old.pattern);
    }
  }
  applied.ownSites = applied.ownSites.filter((p) => wanted.has(p));
  for (const [pattern, s] of wanted) {
    const old = await getSite(db, pattern);
    if (old && !old.managed && old.enabled && !applied.ownSites.includes(pattern))
      applied.ownSites.push(pattern);
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

/** Keys in a fixed order: chrome.storage (managed and local) hands objects back with sorted keys. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1)))
      : x,
  );
const same = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

/**
 * The policy, the templates and the notification defaults the organisation set; what it no longer
 * sets is rolled back to what the user had (rollback.ts).
 */
async function syncSettings(deps: Deps, config: ManagedConfig, applied: Applied): Promise<void> {
  const db = await deps.db();
  const current = await getSetting(db, 'policy');
  if (config.policy) {
    // (a stored policy equal to the organisation's predates this log: no own one to go back to)
    const own = (await db.get('settings', 'policy')) && !same(current, config.policy);
    applied.policy ??= { own: own ? current : null };
    if (!same(current, config.policy)) await setSetting(db, 'policy', config.policy, IT);
  } else if (applied.policy) {
    await setSetting(db, 'policy', restoredPolicy(applied.policy.own, current), IT);
    delete applied.policy;
  }
  const entries = Object.entries(config.templates).flatMap(([lang, set]) =>
    Object.entries(set).map(([id, text]) => [templateKey(id, lang), text] as const),
  );
  const texts = await getSetting(db, 'templates');
  const restored = restoredTemplates(texts, applied, new Set(entries.map(([k]) => k)));
  // The user's own text of each key the organisation sets now (never the default wording, which
  // `texts` fills in: that stays the default, and follows the extension's updates).
  const ownTexts = (await db.get('settings', 'templates'))?.value as
    Record<string, string> | undefined;
  for (const [k, text] of entries)
    if (!(k in applied.templates))
      applied.templates[k] =
        ownTexts?.[k] !== undefined && ownTexts[k] !== text ? ownTexts[k] : null;
  if (entries.length > 0 || restored)
    await setSetting(
      db,
      'templates',
      { ...(restored ?? texts), ...Object.fromEntries(entries) },
      IT,
    );
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
 * local ones (the editors lock what is managed), and go back to the user's own when dropped.
 * Values `readManaged` refused never get here. True when something managed was there or went.
 */
export async function applyManaged(deps: Deps, config: ManagedConfig): Promise<boolean> {
  const applied = await readApplied(deps);
  const before = JSON.stringify(applied);
  const hadManaged = (await listSources(await deps.db())).some((s) => s.managed);
  await syncSources(deps, config);
  await syncSites(deps, config, applied);
  await syncSettings(deps, config, applied);
  const changed = JSON.stringify(applied) !== before;
  if (changed) await writeApplied(deps, applied);
  return changed || hadManaged;
}

/** The organisation's configuration as the worker sees it now (the typed reader for the worker). */
export async function currentManaged(deps: Pick<Deps, 'platform'>): Promise<ManagedRead> {
  return readManaged(await deps.platform.managedStorage());
}

/** The run in progress per worker: boot, install and a policy change may overlap. */
const running = new WeakMap<Deps, Promise<unknown>>();

/**
 * Reads `storage.managed` and applies it: at every boot and whenever the policy changes. `changed`:
 * something managed was applied or rolled back (the caller recomputes the views). One run at a
 * time, each after the last: two at once would each take the other's writes for the user's own.
 */
export function syncManaged(deps: Deps): Promise<ManagedRead & { changed: boolean }> {
  const next = (running.get(deps) ?? Promise.resolve())
    .catch(() => undefined)
    .then(async () => {
      const read = await currentManaged(deps);
      const changed = await applyManaged(deps, read.config);
      return { ...read, changed: changed || read.present };
    });
  running.set(deps, next);
  return next;
}

/** The words of a refusal: the view shows them as they are. */
export const SET_BY_ORGANISATION =
  'Set by your organisation: it cannot be changed or removed here.';
export const NOT_ALLOWED_BY_ORGANISATION = 'Your organisation does not allow adding your own here.';
