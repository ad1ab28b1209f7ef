import { DEFAULT_POLICY } from '../../core/policy';
import type { LensDatabase } from './open';
import type { BackupStore, StoreName } from './schema';

const T = Date.UTC(2025, 0, 6, 9, 0);

const incident = {
  id: 'fi1',
  kind: 'incident',
  name: 'API errors',
  status: 'investigating',
  impact: 'major',
  severity: 2,
  createdAt: T,
  updatedAt: T,
  components: [{ name: 'API' }],
  updates: [
    {
      id: 'u1',
      status: 'investigating',
      body: 'Looking',
      createdAt: T,
      displayAt: T,
      affectedComponents: [],
    },
  ],
};

/** One valid record per store (two for some), as a v1 database would hold them. */
export function sampleRecords(): Record<BackupStore, Record<string, unknown>[]> {
  return {
    sources: [
      {
        id: 's1',
        name: 'Acme',
        url: 'https://status.acme.test/api/v2/summary.json',
        pollSeconds: 60,
        enabled: true,
        createdAt: T,
        failures: 0,
        nextPollAt: T,
        etag: '"abc"',
      },
    ],
    snapshots: [
      {
        sourceId: 's1',
        fetchedAt: T,
        feed: {
          page: { name: 'Acme' },
          indicator: 'major',
          description: 'x',
          incidents: [incident],
          maintenances: [],
          components: [],
        },
      },
    ],
    feedIncidents: [
      { key: 's1|fi1', sourceId: 's1', incident, active: 1, firstSeenAt: T, lastSeenAt: T },
      {
        key: 's1|fi2',
        sourceId: 's1',
        incident: { ...incident, id: 'fi2' },
        active: 1,
        firstSeenAt: T,
        lastSeenAt: T,
        severities: [
          { severity: null, at: T },
          { severity: 2, at: T + 60_000 },
        ],
      },
    ],
    sites: [
      {
        pattern: 'https://help.acme.test/*',
        origin: 'https://help.acme.test',
        enabled: true,
        addedAt: T,
        corner: 'top-left',
      },
    ],
    incidents: [
      {
        id: 'i1',
        title: 'Login down',
        components: ['Login'],
        publiclyVisible: true,
        startedAt: T,
        declaredAt: T,
        status: 'open',
        severity: 2,
        updatedAt: T,
      },
    ],
    events: [
      { id: 'e1', incidentId: 'i1', type: 'declared', at: T },
      {
        id: 'e2',
        incidentId: 'i1',
        type: 'classified',
        at: T + 1,
        severity: 2,
        edits: [{ editedAt: T + 5, previousAt: T + 2, reason: 'typo' }],
      },
    ],
    drafts: [
      {
        key: 'i1|update',
        incidentId: 'i1',
        kind: 'update',
        fields: { impacted: 'Login' },
        updatedAt: T,
      },
    ],
    reviews: [
      {
        id: 'r1',
        incidentId: 'i1',
        title: 'Login outage',
        createdAt: T,
        updatedAt: T,
        timeline: [],
        impact: { accounts: [{ name: 'Big Co', arr: 1000 }] },
        whys: ['Because'],
        mitigations: [],
        actionItems: [
          {
            id: 'a1',
            description: 'Add an alert on login errors',
            owner: 'Mo',
            dueAt: T,
            status: 'open',
            createdAt: T,
          },
        ],
        participants: ['Mo'],
      },
    ],
    settings: [
      { key: 'locale', value: 'de' },
      { key: 'policy', value: DEFAULT_POLICY },
      {
        key: 'statuspage',
        value: { pageId: 'pg', apiKey: 'SECRET-KEY-123', apiBase: 'https://api.statuspage.io/v1' },
      },
    ],
    notified: [{ key: 'n1', at: T }],
    copiedReplies: [{ key: 's1|fi1', updateId: 'u1', text: 'Hello', copiedAt: T }],
    marks: [],
  };
}

/** Writes sampleRecords() into every store; returns what was written. */
export async function seedEveryStore(
  db: LensDatabase,
): Promise<Record<string, Record<string, unknown>[]>> {
  const records = sampleRecords();
  for (const [store, list] of Object.entries(records)) {
    // (an empty list names a store older versions may not have)
    for (const r of list) await db.put(store as StoreName, r as never);
  }
  return records;
}
