import { KEY_PATHS, RECORD_SHAPES } from './record-shapes';
import { ITEM_STORES, syncReviewItems } from './action-items';
import { byTime, MAX_EVENTS_PER_INCIDENT, pack, putEvents } from './chunks';
import { putAll } from './bulk';
import { incidentsMayChange } from './dashboard-state';
import { DERIVED_STORES, PENDING } from './summaries';
import { importMark, writeImportDerived } from './import-derived';
import type { LensDatabase } from './open';
import {
  DB_VERSION,
  type BackupStore,
  type EventRecord,
  type FeedIncidentRecord,
  type IncidentRecord,
  type ReviewRecord,
  type SettingRecord,
  type SourceRecord,
  type StoreName,
  type TimelineChunkRecord,
} from './schema';

/** The marker that tells an Incident Lens backup from any other JSON file. */
export const BACKUP_FORMAT = 'incident-lens-backup';
/** The backup version written; backups from version 1 up to this one are read. */
export const BACKUP_VERSION = DB_VERSION;
/** What older backups put in place of the Statuspage API key (the connection is no longer exported). */
export const REDACTED = '[redacted]';

/**
 * Every store of a backup file, in a stable order (the order of the file). Timelines are stored in
 * chunks (`timeline`) but travel as `events`, one record per event, as every backup before did.
 */
export const STORES: readonly BackupStore[] = [
  ...['sources', 'snapshots', 'feedIncidents', 'sites', 'incidents', 'events'],
  ...['drafts', 'reviews', 'settings', 'notified', 'copiedReplies', 'marks'],
] as BackupStore[];

/** The database stores a backup is read from and written to. */
const DB_STORES: readonly StoreName[] = STORES.map((s) => (s === 'events' ? 'timeline' : s));

/**
 * Settings that belong to this installation and never travel in a backup. The Statuspage connection
 * is one: a backup is a file anyone may have crafted, and an imported `apiBase` would receive the
 * API key on the next publish (issue 16 #1). After an import on another browser, connect again.
 */
const LOCAL_SETTINGS = new Set<string>([
  ...['bootId', 'statuspage', 'keyring', 'team', 'teamSeq', 'summariesRecompute'],
  ...['summariesFilled', 'reviewItemsRepaired'],
]);
/** Local settings older backups carry: skipped on import (with a note), not refused. */
const SKIPPED_ON_IMPORT = new Set<string>(['statuspage']);

/** The largest backup read, in characters: far above a year of heavy use, far below a stall. */
export const MAX_BACKUP_CHARS = 50_000_000;
/**
 * The most records a backup may hold in all (a 1,000,000-record import blocked the worker ~4 min):
 * room for 10,000 incidents of 20 events each (210,000 records, the size of the bench's write; with
 * timelines stored in chunks an import of it takes seconds).
 */
export const MAX_BACKUP_RECORDS = 250_000;
/** Per-store caps where a real installation holds few records (each one costs a request or a script). */
export const MAX_STORE_RECORDS: Partial<Record<BackupStore, number>> = { sources: 200, sites: 200 };

/** Events one incident may hold (chunks.ts): a backup is held to the same bound. */
export { MAX_EVENTS_PER_INCIDENT } from './chunks';

type StoreData = Record<BackupStore, unknown[]>;
type Refused = { error: string };

/**
 * Every store as one JSON document `{format, version, exportedAt, stores}`, read in one transaction
 * so it is consistent. Local settings (the Statuspage connection with its API key) are left out;
 * sources' request headers (tokens for private feeds) are left out unless `includeHeaders`.
 */
export async function exportAll(
  db: LensDatabase,
  now: number = Date.now(),
  includeHeaders = false,
): Promise<string> {
  const tx = db.transaction([...DB_STORES], 'readonly');
  const lists = await Promise.all(DB_STORES.map((s) => tx.objectStore(s).getAll()));
  await tx.done;
  const stores = Object.fromEntries(STORES.map((s, i) => [s, lists[i]])) as StoreData;
  stores.events = (stores.events as { events: EventRecord[] }[]).flatMap((c) => c.events);
  stores.settings = (stores.settings as SettingRecord[]).filter((r) => !LOCAL_SETTINGS.has(r.key));
  // A poll lease belongs to this machine's worker (see SourceRecord.pollLease); request headers
  // travel only when asked.
  stores.sources = (stores.sources as SourceRecord[]).map(({ pollLease: _lease, headers, ...s }) =>
    includeHeaders && headers ? { ...s, headers } : s,
  );
  return JSON.stringify({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now,
    stores,
  });
}

/** Checks a whole backup; returns its stores, or the first problem in plain words. */
export function validateBackup(
  json: string,
): { stores: StoreData; notes: string[] } | { error: string } {
  if (json.length > MAX_BACKUP_CHARS) {
    return {
      error: `The file is too large (${mb(json.length)} MB; at most ${mb(MAX_BACKUP_CHARS)} MB).`,
    };
  }
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
  // Backups written before team mode (schema v4) have no `marks`: none were made.
  if (raw.marks === undefined) raw.marks = [];
  let total = 0;
  for (const s of STORES) {
    const list = raw[s];
    if (!Array.isArray(list)) return { error: `stores.${s}: expected an array of records.` };
    const cap = MAX_STORE_RECORDS[s];
    if (cap !== undefined && list.length > cap)
      return { error: `stores.${s}: ${list.length} records; at most ${cap} are read.` };
    total += list.length;
    if (total > MAX_BACKUP_RECORDS)
      return { error: `The backup holds more than ${MAX_BACKUP_RECORDS} records in all.` };
  }
  for (const s of STORES) {
    const list = raw[s] as unknown[];
    const keys = new Set<unknown>();
    const check = RECORD_SHAPES[s];
    for (let i = 0; i < list.length; i++) {
      // Checked without its path first (shape.ts obj: no string built per field), then again
      // with it where it fails, for the message.
      if (check(list[i], '') !== null) return { error: check(list[i], `stores.${s}[${i}]`)! };
      const key = (list[i] as Record<string, unknown>)[KEY_PATHS[s]];
      if (keys.has(key))
        return { error: `stores.${s}[${i}]: duplicate key ${JSON.stringify(key)}.` };
      keys.add(key);
    }
  }
  const perIncident = new Map<string, number>();
  for (const e of raw.events as { incidentId: string }[]) {
    const n = (perIncident.get(e.incidentId) ?? 0) + 1;
    perIncident.set(e.incidentId, n);
    if (n > MAX_EVENTS_PER_INCIDENT) {
      const total = (raw.events as { incidentId: string }[]).filter(
        (x) => x.incidentId === e.incidentId,
      ).length;
      return {
        error: `stores.events: incident ${JSON.stringify(e.incidentId)} has ${total} events; at most ${MAX_EVENTS_PER_INCIDENT} per incident are read.`,
      };
    }
  }
  const settings = raw.settings as SettingRecord[];
  if (settings.some((r) => LOCAL_SETTINGS.has(r.key) && !SKIPPED_ON_IMPORT.has(r.key))) {
    return { error: 'stores.settings: holds a setting that never travels in a backup.' };
  }
  const notes: string[] = [];
  if (settings.some((r) => r.key === 'statuspage' && r.value)) {
    notes.push(
      'The Statuspage connection is never imported: connect again in Options to publish from here.',
    );
  }
  const stores = {
    ...(raw as StoreData),
    settings: settings.filter((r) => !LOCAL_SETTINGS.has(r.key)),
  };
  return { stores, notes };
}

/** Records per progress report of an import. */
const IMPORT_CHUNK = 500;

/** How far an import got: records written of all in the backup (the commit follows the last). */
export interface ImportProgress {
  written: number;
  total: number;
}

const mb = (chars: number): string => (chars / 1_000_000).toFixed(1);

/** Replace: the backup becomes all data. Merge: its records are added, or update records with their key. */
export type ImportMode = 'replace' | 'merge';

export interface ImportOptions {
  mode?: ImportMode;
  /**
   * What identifies a source's feed (a normalised URL; the worker hands it in). In a merge, a
   * backup source whose feed is already here under another id is left out, with a note: the same
   * feed twice shows every incident twice (issue 19, item 4).
   */
  feedKey?: (url: string) => string;
  /** Progress for the options page's bar: records written of all, per chunk of IMPORT_CHUNK. */
  onProgress?: (p: ImportProgress) => void;
  /** Incidents per transaction of the derived writes after a replace (import-derived.ts). */
  derivedBatch?: number;
}

type DoneMark = { obligationId: string; at: number };

/** The union of two lists of duties marked done, the earliest time of each (a mark is never lost). */
function unionDone(a: DoneMark[] = [], b: DoneMark[] = []): DoneMark[] {
  const by = new Map<string, DoneMark>();
  for (const d of [...a, ...b]) {
    const seen = by.get(d.obligationId);
    if (!seen || d.at < seen.at) by.set(d.obligationId, d);
  }
  return [...by.values()];
}

/** The union of two lists of support records (a record is identified by all its fields). */
function unionSupport(a: unknown[] = [], b: unknown[] = []): unknown[] {
  const by = new Map<string, unknown>();
  for (const r of [...a, ...b]) by.set(JSON.stringify(r), r);
  return [...by.values()];
}

/**
 * Writes a backup: in `replace` mode it becomes all data; in `merge` mode its records are added,
 * replacing only those with the same key. Everything is validated first (shapes, site patterns,
 * source URLs, sizes); a corrupt, foreign or hostile file is refused whole and nothing changes
 * (`error` is the reason alone: the UI says "refused, nothing was changed" once). One transaction:
 * it happens entirely or not at all. Local settings (the Statuspage connection, the boot id) stay
 * as they are. In both modes the duties agents marked done on a feed incident here are kept (a lost
 * mark brings a met duty back, and the customers get a second email).
 */
export async function importAll(
  db: LensDatabase,
  json: string,
  options: ImportOptions = {},
): Promise<
  | {
      ok: true;
      counts: Record<string, number>;
      notes: string[];
      /**
       * Replace: the summaries and tallies being written after the commit (resolves once all
       * are, the dashboard's mark confirmed). Merge: null, they are to be recomputed.
       */
      derived: Promise<void> | null;
    }
  | { ok: false; error: string }
> {
  const mode = options.mode ?? 'replace';
  // Too large: refused before anything is opened.
  if (json.length > MAX_BACKUP_CHARS) return { ok: false, ...(validateBackup(json) as Refused) };
  // Relaxed: one commit without waiting for the disk's flush (Chromium's default, said here). The
  // reviews' action items (derived: action-items.ts) are written in the same transaction; the
  // summaries and tallies are emptied in it (replace) and written after it (import-derived.ts).
  const txStores = [...new Set([...DB_STORES, ...ITEM_STORES, ...DERIVED_STORES])];
  const tx = db.transaction(txStores, 'readwrite', { durability: 'relaxed' });
  // Once one request fails the others reject with AbortError: observe them all, report the first.
  const quiet = <T>(p: Promise<T>): Promise<T> => (p.catch(() => undefined), p);
  const done = quiet(tx.done);
  const abort = () => {
    try {
      tx.abort();
    } catch {
      // already aborted
    }
  };
  const counts: Record<string, number> = {};
  // What is kept from the data here is read, and (replace) every store emptied, before the file
  // is parsed and checked: the database does that work meanwhile (issue 22: emptying 10,000
  // incidents' stores took as long as the checks). Nothing of it counts until the commit: a file
  // refused aborts the transaction, and every store is as it was.
  const settings = tx.objectStore('settings');
  const reads = quiet(
    Promise.all([
      Promise.all([...LOCAL_SETTINGS].map((k) => settings.get(k))),
      tx.objectStore('feedIncidents').getAll(),
      tx.objectStore('sources').getAll(),
    ]),
  );
  const emptied =
    mode === 'replace' ? quiet(Promise.all(txStores.map((s) => tx.objectStore(s).clear()))) : null;
  const checked = validateBackup(json);
  if ('error' in checked) {
    abort();
    await done.catch(() => undefined); // rolled back: the next reader sees the data as it was
    return { ok: false, error: checked.error };
  }
  const { stores } = checked;
  const notes = [...checked.notes];
  try {
    const [locals, feedIncidents, oldSources] = await reads;
    const oldFeedIncidents = new Map(feedIncidents.map((r) => [r.key, r]));
    const key = options.feedKey ?? ((u: string) => u);
    const skipped = new Set<string>();
    // Not awaited: the puts below run after the emptying (a transaction keeps the order of its
    // requests), and the records are built meanwhile.
    const writes: Promise<unknown>[] = emptied ? [emptied] : [];
    // A merge may add open incidents, and resolved ones whose tallies the recomputation after it
    // writes: both marks go (the open list's, list-state.ts, and the dashboard's "every resolved
    // incident has its tally", dashboard-state.ts), so pages count until it is done. A replace
    // cleared them with their store.
    if (mode === 'merge') writes.push(quiet(incidentsMayChange(tx)));
    // Every put is issued at once (the transaction runs them in order), without a promise each
    // (db/bulk.ts); progress is counted per run of IMPORT_CHUNK records as each run completes, so
    // a 200,000-record import reports a few hundred times.
    const onProgress = options.onProgress;
    const total = STORES.reduce((n, s) => n + stores[s].length, 0);
    let written = 0;
    onProgress?.({ written, total });
    // Observed at once: a put refused on the spot (a full disk) leaves the loop before `writes`
    // is awaited.
    const run = (p: Promise<unknown>, n: number) =>
      writes.push(quiet(p.then(() => onProgress?.({ written: (written += n), total }))));
    const putRuns = (s: StoreName, recs: unknown[]) => {
      const store = tx.objectStore(s);
      for (let i = 0; i < recs.length; i += IMPORT_CHUNK) {
        const part = recs.slice(i, i + IMPORT_CHUNK);
        run(putAll(store, part), part.length);
      }
    };
    // Events are grouped by incident: a timeline is stored in chunks (db/chunks.ts).
    const byIncident = new Map<string, EventRecord[]>();
    const writeEvents = () => {
      if (mode === 'merge') {
        // Whole incidents per write (two writes of one incident at once would race); an event
        // replaces the one with its id, wherever it is in the timeline.
        let part: EventRecord[] = [];
        const write = () => {
          run(putEvents(tx, part, { whole: true }), part.length);
          part = [];
        };
        for (const list of byIncident.values()) {
          part.push(...list);
          if (part.length >= IMPORT_CHUNK) write();
        }
        if (part.length) write();
        return;
      }
      // Replace: into emptied stores, nothing to read; each timeline sorted once (the summaries
      // below are computed from the same lists) and packed into its chunks here.
      const timeline = tx.objectStore('timeline');
      let chunks: TimelineChunkRecord[] = [];
      let events = 0;
      const write = () => {
        run(putAll(timeline, chunks), events);
        chunks = [];
        events = 0;
      };
      for (const [id, list] of byIncident) {
        list.sort(byTime);
        chunks.push(...pack(id, list));
        events += list.length;
        if (events >= IMPORT_CHUNK) write();
      }
      if (events) write();
    };
    for (const s of STORES) {
      const recs: unknown[] = [];
      for (const raw of stores[s]) {
        let rec = raw as Record<string, unknown>;
        if (s === 'sources' && mode === 'merge') {
          const twin = oldSources.find(
            (o) => o.id !== rec.id && key(o.url) === key(String(rec.url)),
          );
          if (twin) {
            skipped.add(String(rec.id));
            notes.push(
              `The source “${String(rec.name)}” was left out: its feed is already the source “${twin.name}”.`,
            );
            continue;
          }
        }
        if (skipped.size && skipped.has(String(rec.sourceId))) continue; // a source left out
        if (s === 'feedIncidents') {
          const old = oldFeedIncidents.get(String(rec.key));
          const marks = unionDone(old?.done, rec.done as DoneMark[] | undefined);
          const support = unionSupport(old?.support, rec.support as unknown[] | undefined);
          rec = { ...rec, ...(marks.length ? { done: marks } : {}) };
          if (support.length) rec.support = support;
        }
        if (s === 'events') {
          const e = rec as unknown as EventRecord;
          const list = byIncident.get(e.incidentId);
          if (list) list.push(e);
          else byIncident.set(e.incidentId, [e]);
        } else recs.push(rec);
      }
      if (s === 'events') {
        counts[s] = stores.events.length;
        writeEvents();
      } else {
        counts[s] = recs.length;
        putRuns(s, recs);
      }
    }
    for (const rec of locals) if (rec) writes.push(quiet(settings.put(rec)));
    const reviews = stores.reviews as ReviewRecord[];
    const fresh = mode === 'replace';
    writes.push(
      quiet(
        syncReviewItems(
          tx,
          reviews.map((review) => ({ id: review.id, review })),
          { fresh },
        ),
      ),
    );
    // Replace: the summaries and tallies (machine-local, derived) are not written here but after
    // the commit, from the records at hand (import-derived.ts): the stores were emptied above,
    // and a recomputation is recorded in this transaction, so a worker stopped before they are
    // all written makes them from the stores at its next start. Until then a missing one is
    // computed from its timeline (issue 22: about a third of the import's requests). A merge
    // recomputes afterwards from the stores (the handler).
    const mark = mode === 'replace' ? importMark() : null;
    if (mark) writes.push(quiet(settings.put({ key: PENDING, value: mark })));
    await Promise.all(writes);
    await done;
    // Committed: the derived data follows, not awaited here (`derived` resolves once written;
    // observed, so a caller that never awaits it, its connection closed, reports nothing).
    const derived = mark
      ? writeImportDerived(
          db,
          {
            incidents: stores.incidents as IncidentRecord[],
            timelines: byIncident,
            settings: stores.settings as SettingRecord[],
            feedIncidents: stores.feedIncidents as FeedIncidentRecord[],
          },
          mark,
          options.derivedBatch,
        )
      : null;
    if (derived) quiet(derived);
    return { ok: true, counts, notes, derived };
  } catch (e) {
    abort();
    return { ok: false, error: (e as Error).message };
  }
}
