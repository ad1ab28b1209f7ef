import { KEY_PATHS, RECORD_SHAPES } from './record-shapes';
import type { LensDatabase } from './open';
import {
  DB_VERSION,
  type SettingRecord,
  type Settings,
  type SourceRecord,
  type StoreName,
} from './schema';

/** The marker that tells an Incident Lens backup from any other JSON file. */
export const BACKUP_FORMAT = 'incident-lens-backup';
/** The backup version written; backups from version 1 up to this one are read. */
export const BACKUP_VERSION = DB_VERSION;
/** What the Statuspage API key is replaced with in a backup. */
export const REDACTED = '[redacted]';

/** Every store, in a stable order (the order of the backup file). */
export const STORES: readonly StoreName[] = [
  ...['sources', 'snapshots', 'feedIncidents', 'sites', 'incidents', 'events'],
  ...['drafts', 'reviews', 'settings', 'notified', 'copiedReplies'],
] as StoreName[];

/** Settings that belong to this installation and never travel in a backup. */
const LOCAL_SETTINGS = new Set<string>(['bootId']);

type StoreData = Record<StoreName, unknown[]>;
type Statuspage = Settings['statuspage'];

function redact(rec: SettingRecord): SettingRecord {
  if (rec.key !== 'statuspage' || !rec.value) return rec;
  return {
    key: 'statuspage',
    value: { ...(rec.value as NonNullable<Statuspage>), apiKey: REDACTED },
  };
}

/**
 * Every store as one JSON document `{format, version, exportedAt, stores}`, read in one transaction
 * so it is consistent. The Statuspage API key is redacted, never written in plain text; sources'
 * request headers (tokens for private feeds) are left out unless `includeHeaders`.
 */
export async function exportAll(
  db: LensDatabase,
  now: number = Date.now(),
  includeHeaders = false,
): Promise<string> {
  const tx = db.transaction([...STORES], 'readonly');
  const lists = await Promise.all(STORES.map((s) => tx.objectStore(s).getAll()));
  await tx.done;
  const stores = Object.fromEntries(STORES.map((s, i) => [s, lists[i]])) as StoreData;
  stores.settings = (stores.settings as SettingRecord[])
    .filter((r) => !LOCAL_SETTINGS.has(r.key))
    .map(redact);
  if (!includeHeaders) {
    stores.sources = (stores.sources as SourceRecord[]).map(({ headers: _, ...rest }) => rest);
  }
  return JSON.stringify({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now,
    stores,
  });
}

/** Checks a whole backup; returns its stores, or the first problem in plain words. */
export function validateBackup(json: string): { stores: StoreData } | { error: string } {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    return { error: 'This file is not JSON, so it is not an Incident Lens backup.' };
  }
  const d = doc as Record<string, unknown> | null;
  if (typeof d !== 'object' || d === null || d.format !== BACKUP_FORMAT) {
    return { error: `This is not an Incident Lens backup (no "${BACKUP_FORMAT}" format marker).` };
  }
  const v = d.version;
  if (!Number.isInteger(v) || (v as number) < 1 || (v as number) > BACKUP_VERSION) {
    return {
      error: `This backup has version ${JSON.stringify(v)}; this extension reads versions 1 to ${BACKUP_VERSION}.`,
    };
  }
  const raw = d.stores as Record<string, unknown> | null;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { error: 'The backup has no "stores" object.' };
  }
  const unknown = Object.keys(raw).find((k) => !(STORES as string[]).includes(k));
  if (unknown) return { error: `The backup has an unknown store "${unknown}".` };
  for (const s of STORES) {
    const list = raw[s];
    if (!Array.isArray(list)) return { error: `stores.${s}: expected an array of records.` };
    const keys = new Set<unknown>();
    for (let i = 0; i < list.length; i++) {
      const problem = RECORD_SHAPES[s](list[i], `stores.${s}[${i}]`);
      if (problem) return { error: problem };
      const key = (list[i] as Record<string, unknown>)[KEY_PATHS[s]];
      if (keys.has(key))
        return { error: `stores.${s}[${i}]: duplicate key ${JSON.stringify(key)}.` };
      keys.add(key);
    }
  }
  const settings = raw.settings as SettingRecord[];
  if (settings.some((r) => LOCAL_SETTINGS.has(r.key))) {
    return { error: 'stores.settings: holds a setting that never travels in a backup.' };
  }
  return { stores: raw as StoreData };
}

/**
 * Replaces all data with a backup. Everything is validated first; a corrupt or foreign file is
 * refused whole and nothing changes. The replacement is one transaction: it happens entirely or
 * not at all. A redacted API key keeps the key already stored for the same page, if any.
 */
export async function importAll(
  db: LensDatabase,
  json: string,
): Promise<{ ok: true; counts: Record<string, number> } | { ok: false; error: string }> {
  const checked = validateBackup(json);
  if ('error' in checked)
    return { ok: false, error: `Import refused, nothing was changed. ${checked.error}` };
  const { stores } = checked;
  const tx = db.transaction([...STORES], 'readwrite');
  // Once one request fails the others reject with AbortError: observe them all, report the first.
  const quiet = <T>(p: Promise<T>): Promise<T> => (p.catch(() => undefined), p);
  const done = quiet(tx.done);
  try {
    const settings = tx.objectStore('settings');
    const current = (await settings.get('statuspage')) as SettingRecord<'statuspage'> | undefined;
    const locals = await Promise.all([...LOCAL_SETTINGS].map((k) => settings.get(k)));
    await Promise.all(STORES.map((s) => quiet(tx.objectStore(s).clear())));
    const writes: Promise<unknown>[] = [];
    for (const s of STORES) {
      for (const rec of stores[s]) {
        const value = s === 'settings' ? unredact(rec as SettingRecord, current?.value) : rec;
        writes.push(quiet(tx.objectStore(s).put(value as never)));
      }
    }
    for (const rec of locals) if (rec) writes.push(quiet(settings.put(rec)));
    await Promise.all(writes);
    await done;
  } catch (e) {
    try {
      tx.abort();
    } catch {
      // already aborted
    }
    return { ok: false, error: `Import failed, nothing was changed: ${(e as Error).message}` };
  }
  return { ok: true, counts: Object.fromEntries(STORES.map((s) => [s, stores[s].length])) };
}

function unredact(rec: SettingRecord, current: Statuspage | undefined): SettingRecord {
  if (rec.key !== 'statuspage' || !rec.value) return rec;
  const sp = rec.value as NonNullable<Statuspage>;
  if (sp.apiKey !== REDACTED) return rec;
  const apiKey = current && current.pageId === sp.pageId ? current.apiKey : '';
  return { key: 'statuspage', value: { ...sp, apiKey } };
}
