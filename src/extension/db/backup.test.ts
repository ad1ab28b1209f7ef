import 'fake-indexeddb/auto';
import { describe, expect, test, vi } from 'vitest';
import { freshName, T0 } from '../background/worker.test-kit';
import { BACKUP_FORMAT, BACKUP_VERSION, exportAll, importAll, REDACTED, STORES } from './backup';
import { openLensDB, type LensDatabase } from './open';
import { readStore, sampleRecords, seedEveryStore } from './seed.test-kit';
import { allEvents } from './chunks';
import { getSetting, setSetting } from './settings';
import { refreshAllSummaries } from './summaries';

async function everything(db: LensDatabase): Promise<Record<string, unknown[]>> {
  return Object.fromEntries(
    await Promise.all(STORES.map(async (s) => [s, await readStore(db, s)] as const)),
  );
}

async function seeded(): Promise<LensDatabase> {
  const db = await openLensDB(freshName());
  await seedEveryStore(db);
  await setSetting(db, 'bootId', 'boot-1');
  return db;
}

describe('exportAll', () => {
  test('writes every store with the format marker, and never the API key in plain text', async () => {
    const db = await seeded();
    const json = await exportAll(db, T0);
    expect(json).not.toContain('SECRET-KEY-123');
    const doc = JSON.parse(json);
    expect(doc).toMatchObject({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: T0 });
    expect(Object.keys(doc.stores).sort()).toEqual([...STORES].sort());
    // The Statuspage connection is local: never exported, never imported (issue 16 #1).
    expect(doc.stores.settings.some((r: { key: string }) => r.key === 'statuspage')).toBe(false);
    expect(doc.stores.settings.some((r: { key: string }) => r.key === 'bootId')).toBe(false);
    db.close();
  });

  test('round-trips into an empty database; the connection stored here stays as it is', async () => {
    const src = await seeded();
    const json = await exportAll(src, T0);
    const dst = await openLensDB(freshName());
    await setSetting(dst, 'statuspage', {
      pageId: 'pg',
      apiKey: 'LOCAL-KEY',
      apiBase: 'https://x.test',
    });
    await setSetting(dst, 'bootId', 'boot-dst');
    // A summary of an incident the backup does not hold: replaced like all data.
    await dst.put('summaries', {
      incidentId: 'gone',
      stamp: 'x',
      dueSoonMinutes: 5,
      deadlines: [],
    });
    const r = await importAll(dst, json);
    expect(r).toEqual({
      ok: true,
      counts: expect.objectContaining({ sources: 1, events: 2, settings: 2 }),
      notes: [],
      derived: expect.any(Promise),
    });
    // Issue 22: the summaries and tallies are written after the commit, computed from the
    // backup, as the stored timelines give them.
    if (r.ok) await r.derived;
    expect(await dst.get('settings', 'summariesRecompute')).toBeUndefined();
    const derived = [await dst.getAll('summaries'), await dst.getAll('commsTallies')];
    expect(derived.flat().length).toBeGreaterThan(0);
    expect(await dst.get('summaries', 'gone')).toBeUndefined();
    await refreshAllSummaries(dst);
    expect([await dst.getAll('summaries'), await dst.getAll('commsTallies')]).toEqual(derived);
    const before = await everything(src);
    const after = await everything(dst);
    for (const s of STORES.filter((x) => x !== 'settings')) expect(after[s], s).toEqual(before[s]);
    expect((await getSetting(dst, 'statuspage'))?.apiKey).toBe('LOCAL-KEY');
    expect(await getSetting(dst, 'bootId')).toBe('boot-dst');
    expect(await getSetting(dst, 'locale')).toBe('de');
    src.close();
    dst.close();
  });

  test("an older backup's (redacted) connection is skipped with a note, not imported", async () => {
    const doc = JSON.parse(await exportAll(await seeded(), T0));
    doc.stores.settings.push({
      key: 'statuspage',
      value: { pageId: 'pg', apiKey: REDACTED, apiBase: 'https://api.statuspage.io' },
    });
    const dst = await openLensDB(freshName());
    const r = await importAll(dst, JSON.stringify(doc));
    expect(r).toMatchObject({ ok: true, notes: [expect.stringMatching(/connect again/)] });
    expect(await getSetting(dst, 'statuspage')).toBeNull();
    dst.close();
  });
});

describe('importAll refuses a bad file whole and changes nothing', () => {
  const good = (): {
    format: string;
    version: number;
    exportedAt: number;
    stores: Record<string, unknown[]>;
  } => ({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: T0,
    stores: sampleRecords(),
  });
  const cases: [string, () => string, RegExp][] = [
    ['not JSON', () => '{"format": "incident-lens-backup", trunc', /not JSON/],
    ['an empty file', () => '', /not JSON/],
    [
      'foreign JSON',
      () => JSON.stringify({ incidents: [], page: {} }),
      /not an Incident Lens backup/,
    ],
    ['a JSON array', () => '[1,2,3]', /not an Incident Lens backup/],
    [
      'a newer version',
      () => JSON.stringify({ ...good(), version: BACKUP_VERSION + 1 }),
      /version/,
    ],
    [
      'a version that is not a number',
      () => JSON.stringify({ ...good(), version: '1' }),
      /version/,
    ],
    ['no stores', () => JSON.stringify({ ...good(), stores: undefined }), /stores/],
    [
      'an unknown store',
      () => JSON.stringify({ ...good(), stores: { ...good().stores, extra: [] } }),
      /unknown store "extra"/,
    ],
    [
      'a missing store',
      () => {
        const g = good();
        delete (g.stores as Record<string, unknown>).events;
        return JSON.stringify(g);
      },
      /stores\.events/,
    ],
    [
      'one bad record among good ones',
      () => {
        const g = good();
        g.stores.events = [
          ...g.stores.events!,
          { id: 'e3', incidentId: 'i1', type: 'declared', at: 'yesterday' },
        ];
        return JSON.stringify(g);
      },
      /stores\.events\[2\]\.at: expected a finite number/,
    ],
    [
      'a bad nested feed update',
      () => {
        const g = good();
        const f = structuredClone(g.stores.feedIncidents![0]) as {
          incident: { updates: { body: unknown }[] };
        };
        f.incident.updates[0]!.body = 42;
        g.stores.feedIncidents = [f];
        return JSON.stringify(g);
      },
      /feedIncidents\[0\]\.incident\.updates\[0\]\.body/,
    ],
    [
      'an invalid policy',
      () => {
        const g = good();
        g.stores.settings = [{ key: 'policy', value: { version: 1, levels: 'none' } }];
        return JSON.stringify(g);
      },
      /stores\.settings\[0\]\.value/,
    ],
    [
      'an unknown setting',
      () => {
        const g = good();
        g.stores.settings = [{ key: 'evil', value: 1 }];
        return JSON.stringify(g);
      },
      /settings\[0\]\.key/,
    ],
    [
      'a duplicate key',
      () => {
        const g = good();
        g.stores.notified = [
          { key: 'a', at: 1 },
          { key: 'a', at: 2 },
        ];
        return JSON.stringify(g);
      },
      /duplicate key "a"/,
    ],
    [
      'a source with a javascript: URL',
      () => {
        const g = good();
        g.stores.sources = [{ ...(g.stores.sources![0] as object), url: 'javascript:alert(1)' }];
        return JSON.stringify(g);
      },
      /sources\[0\]\.url/,
    ],
  ];

  test.each(cases)('%s', async (_name, make, message) => {
    const db = await seeded();
    const before = await everything(db);
    const r = await importAll(db, make());
    expect(r.ok).toBe(false);
    if (!r.ok) {
      // the reason alone: the UI says "Import refused, nothing was changed:" once (issue 19, item 5)
      expect(r.error).not.toMatch(/refused|nothing was changed/i);
      expect(r.error).toMatch(message);
    }
    expect(await everything(db)).toEqual(before);
    db.close();
  });

  test('a write failure midway aborts the one transaction: nothing changes', async () => {
    const db = await seeded();
    const before = await everything(db);
    const proto = globalThis.IDBObjectStore.prototype;
    const original = proto.put;
    const put = vi.spyOn(proto, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'reviews') throw new DOMException('disk full', 'QuotaExceededError');
      return original.apply(this, args);
    });
    try {
      const json = JSON.stringify({
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        exportedAt: T0,
        stores: sampleRecords(),
      });
      const r = await importAll(db, json);
      expect(r).toEqual({
        ok: false,
        error: expect.stringMatching(/disk full/),
      });
    } finally {
      put.mockRestore();
    }
    expect(await everything(db)).toEqual(before);
    db.close();
  });
  /** A valid backup whose events store holds `n` events, 100 per incident. */
  function manyEvents(n: number): string {
    const stores = sampleRecords();
    stores.events = Array.from({ length: n }, (_, i) => ({
      id: `bulk-${i}`,
      incidentId: `i${Math.floor(i / 100)}`,
      type: 'note',
      at: T0 + i,
    }));
    return JSON.stringify({
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: T0,
      stores,
    });
  }

  test('a large import reports its progress as it writes, up to every record', async () => {
    const db = await openLensDB(freshName());
    const seen: { written: number; total: number }[] = [];
    const r = await importAll(db, manyEvents(2_400), { onProgress: (p) => seen.push(p) });
    expect(r.ok).toBe(true);
    const total = seen[0]!.total;
    expect(total).toBeGreaterThan(2_400);
    expect(seen[0]!.written).toBe(0);
    expect(seen.at(-1)).toEqual({ written: total, total });
    expect(seen.length).toBeGreaterThanOrEqual(6); // chunks of 500
    expect(seen.map((p) => p.written)).toEqual(
      [...seen.map((p) => p.written)].sort((a, b) => a - b),
    );
    expect((await allEvents(db)).length).toBe(2_400);
    // Stored 100 to a record (one chunk per incident), not one record per event.
    expect(await db.count('timeline')).toBe(24);
    db.close();
  });

  test('a failure after thousands of records were written still leaves nothing changed', async () => {
    const db = await seeded();
    const before = await everything(db);
    const proto = globalThis.IDBObjectStore.prototype;
    const original = proto.put;
    let puts = 0;
    // The 20th timeline chunk (2,000 events) is written, then the browser aborts the
    // transaction (as on a full disk).
    const put = vi.spyOn(proto, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      const req = original.apply(this, args);
      if (this.name === 'timeline' && ++puts === 20)
        req.addEventListener('success', () => this.transaction.abort());
      return req;
    });
    const seen: number[] = [];
    try {
      const r = await importAll(db, manyEvents(2_400), {
        onProgress: (p) => seen.push(p.written),
      });
      // the reason alone (the UI says "Import refused, nothing was changed" once)
      expect(r).toEqual({ ok: false, error: expect.any(String) });
    } finally {
      put.mockRestore();
    }
    expect(Math.max(...seen)).toBeGreaterThanOrEqual(1_000); // it was well under way
    expect(await everything(db)).toEqual(before);
    db.close();
  });
});

describe('import: merge or replace, and marks kept (issue 19, items 1 and 5)', () => {
  const other = (doc: { stores: Record<string, Record<string, unknown>[]> }) => {
    const src = doc.stores.sources![0]!;
    doc.stores.sources = [
      { ...src, id: 'src-other', name: 'Other', url: 'https://other.test/a.json' },
    ];
    doc.stores.snapshots = [];
    doc.stores.feedIncidents = [];
    return doc;
  };

  test('merge adds the backup to what is here; replace makes it all data', async () => {
    const db = await seeded();
    const doc = other(JSON.parse(await exportAll(db, T0)));
    for (const s of STORES) if (s !== 'sources' && s !== 'settings') doc.stores[s] = [];
    const merged = await importAll(db, JSON.stringify(doc), { mode: 'merge' });
    expect(merged).toMatchObject({ ok: true, counts: expect.objectContaining({ sources: 1 }) });
    expect((await db.getAll('sources')).map((s) => s.name).sort()).toEqual(['Acme', 'Other']);
    expect((await allEvents(db)).length).toBeGreaterThan(0); // kept
    await importAll(db, JSON.stringify(doc), { mode: 'replace' });
    expect((await db.getAll('sources')).map((s) => s.name)).toEqual(['Other']);
    expect(await allEvents(db)).toEqual([]);
    db.close();
  });

  test('merge leaves out a source whose feed is already here under another id, with a note', async () => {
    const db = await seeded();
    const doc = JSON.parse(await exportAll(db, T0));
    const [src] = await db.getAll('sources');
    doc.stores.sources = [
      { ...src, id: 'src-copy', name: 'Copy', url: `${src!.url.toUpperCase()}` },
    ];
    const key = (u: string) => u.toLowerCase();
    const r = await importAll(db, JSON.stringify(doc), { mode: 'merge', feedKey: key });
    expect(r).toMatchObject({ ok: true, notes: [expect.stringContaining('“Copy” was left out')] });
    expect((await db.getAll('sources')).map((s) => s.id)).toEqual([src!.id]);
    db.close();
  });

  test('a duty marked done here survives an import of an older backup, in both modes', async () => {
    for (const mode of ['merge', 'replace'] as const) {
      const db = await seeded();
      const older = await exportAll(db, T0);
      const [rec] = await db.getAll('feedIncidents');
      await db.put('feedIncidents', {
        ...rec!,
        done: [{ obligationId: 'customer_email', at: T0 + 5 }],
      });
      expect(await importAll(db, older, { mode })).toMatchObject({ ok: true });
      const [after] = await db.getAll('feedIncidents');
      expect(after?.done, mode).toEqual([{ obligationId: 'customer_email', at: T0 + 5 }]);
      db.close();
    }
  });
});
