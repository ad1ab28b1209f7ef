import type { LensDatabase } from './open';
import type { SiteRecord } from './schema';

/** Every site the overlay was turned on for (or off again), oldest first. */
export async function listSites(db: LensDatabase): Promise<SiteRecord[]> {
  return (await db.getAll('sites')).sort((a, b) => a.addedAt - b.addedAt);
}

/** One site by its match pattern. */
export function getSite(db: LensDatabase, pattern: string): Promise<SiteRecord | undefined> {
  return db.get('sites', pattern);
}

/** Inserts or replaces a site. */
export async function putSite(db: LensDatabase, site: SiteRecord): Promise<void> {
  await db.put('sites', site);
}

/** Forgets a site (the organisation's, once its policy dropped it). */
export async function deleteSite(db: LensDatabase, pattern: string): Promise<void> {
  await db.delete('sites', pattern);
}

/** Applies a change to a stored site atomically; returns the new record, or undefined if absent. */
export async function updateSite(
  db: LensDatabase,
  pattern: string,
  change: (site: SiteRecord) => SiteRecord,
): Promise<SiteRecord | undefined> {
  const tx = db.transaction('sites', 'readwrite');
  const old = await tx.store.get(pattern);
  const next = old ? change(old) : undefined;
  if (next) await tx.store.put(next);
  await tx.done;
  return next;
}

/** Moves a site to a new key (its pattern changed form), in one transaction. */
export async function rekeySite(
  db: LensDatabase,
  oldPattern: string,
  site: SiteRecord,
): Promise<void> {
  const tx = db.transaction('sites', 'readwrite');
  await tx.store.delete(oldPattern);
  await tx.store.put(site);
  await tx.done;
}
