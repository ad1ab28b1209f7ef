import { isCorner } from '../corner';
import type { LensDatabase } from '../../db/open';
import { getSite, listSites, putSite, rekeySite, updateSite } from '../../db/sites';
import { getSetting } from '../../db/settings';
import { listSources } from '../../db/sources';
import type { SiteRecord } from '../../db/schema';
import { originPattern } from '../../origins/match-patterns';
import type { Deps } from '../../background/deps';

/**
 * Turns the overlay on for an origin (the view obtained the host permission first, with a user
 * gesture): stores the site and registers the content script for its pattern.
 */
export async function enableSite(deps: Deps, origin: string): Promise<SiteRecord> {
  const pattern = originPattern(origin);
  const db = await deps.db();
  const old = await getSite(db, pattern);
  const granted = await deps.platform.hasOrigin(pattern);
  const site: SiteRecord = {
    pattern,
    origin: new URL(origin).origin,
    enabled: true,
    addedAt: old?.addedAt ?? deps.now(),
    corner: old?.corner ?? 'bottom-right',
    revoked: !granted,
    ...(old?.managed ? { managed: true } : {}),
  };
  await putSite(db, site);
  await deps.platform.registerOverlay(pattern);
  // the agent sees it on the page at hand, without reloading it
  if (granted) await deps.platform.showOverlayIn(pattern);
  return site;
}

/**
 * Turns the overlay off: unregisters the script and gives the host permission back, unless a source
 * still needs that origin. The record stays (enabled: false) so the pill's corner is remembered.
 */
export async function disableSite(deps: Deps, origin: string): Promise<void> {
  const pattern = originPattern(origin);
  const db = await deps.db();
  await updateSite(db, pattern, (s) => ({ ...s, enabled: false }));
  await deps.platform.unregisterOverlay(pattern);
  // (before the host access goes, while the tabs can still be found by their URL)
  await deps.platform.hideOverlayIn(pattern);
  await releaseOrigin(deps, pattern);
}

/**
 * Gives a host permission back unless an enabled site, a source or the Statuspage connection still
 * uses it.
 */
export async function releaseOrigin(
  deps: Pick<Deps, 'db' | 'platform'>,
  pattern: string,
): Promise<void> {
  const db = await deps.db();
  const sources = await listSources(db);
  if (sources.some((s) => originPattern(s.url) === pattern)) return;
  const statuspage = await getSetting(db, 'statuspage');
  if (statuspage && originPattern(statuspage.apiBase) === pattern) return;
  if ((await getSite(db, pattern))?.enabled) return;
  await deps.platform.removeOrigin(pattern);
}

/** Remembers where the pill sits on a site. */
export async function setCorner(
  deps: Deps,
  origin: string,
  corner: SiteRecord['corner'],
): Promise<void> {
  if (!isCorner(corner)) throw new Error(`Unknown corner "${String(corner)}".`);
  const changed = await updateSite(await deps.db(), originPattern(origin), (s) => ({
    ...s,
    corner,
  }));
  if (!changed) throw new Error('The overlay is not enabled on this site.');
}

/**
 * Brings registrations and the `revoked` flags in line with stored sites and granted permissions:
 * after a browser restart (registrations do not survive it), an install/update, an import, or a
 * permission change made outside the extension.
 */
export async function syncSites(
  deps: Deps,
  /** Called for a site whose registration failed; the others are still registered. Absent: throw. */
  onError?: (pattern: string, e: unknown) => void,
): Promise<void> {
  const db = await deps.db();
  const sites = await rekeySites(db);
  const registered = new Set(await deps.platform.registeredOverlays());
  const wanted = new Set(sites.filter((s) => s.enabled).map((s) => s.pattern));
  for (const pattern of registered) {
    if (!wanted.has(pattern)) await deps.platform.unregisterOverlay(pattern);
  }
  for (const site of sites) {
    if (!site.enabled) continue;
    try {
      await markRevoked(deps, db, site);
      await deps.platform.registerOverlay(site.pattern);
    } catch (e) {
      if (!onError) throw e;
      onError(site.pattern, e);
    }
  }
}

/**
 * Sites stored before patterns carried their port (`http://localhost/*` for `localhost:3000`), or
 * imported from such a backup, move to the pattern this build makes, so the overlay is registered
 * for the one origin the agent turned on. Returns every site, re-keyed.
 */
async function rekeySites(db: LensDatabase): Promise<SiteRecord[]> {
  const out: SiteRecord[] = [];
  for (const site of await listSites(db)) {
    const pattern = originPattern(site.origin);
    if (pattern === site.pattern) {
      out.push(site);
      continue;
    }
    const moved = { ...site, pattern };
    await rekeySite(db, site.pattern, moved);
    out.push(moved);
  }
  return out;
}

/** After permissions.onAdded/onRemoved: only the revoked flags change, registrations stay. */
export async function checkGrants(deps: Deps): Promise<void> {
  const db = await deps.db();
  for (const site of await listSites(db)) {
    if (site.enabled) await markRevoked(deps, db, site);
  }
}

/** Stores whether the site's host permission is gone, when that changed. */
async function markRevoked(deps: Deps, db: LensDatabase, site: SiteRecord): Promise<void> {
  const revoked = !(await deps.platform.hasOrigin(site.pattern));
  if (revoked !== Boolean(site.revoked))
    await updateSite(db, site.pattern, (s) => ({ ...s, revoked }));
}
