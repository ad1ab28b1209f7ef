import 'fake-indexeddb/auto';
import { afterEach, beforeEach } from 'vitest';
import { saveIncident } from '../../db/incidents';
import { openLensDB, type LensDatabase } from '../../db/open';
import type { IncidentRecord } from '../../db/schema';
import { responderHandlers, type ResponderHandlers } from './handlers';

/** Shared set-up of the responder handler tests: a fresh fake-indexeddb database per test, a
 * settable clock, and a fetch stub that answers from a queue and records every call. */
export const T0 = Date.UTC(2025, 2, 15, 14, 0);
export const KEY = 'sekret-key-0000-abcd';
export const TARGET = {
  status: 'investigating' as const,
  componentIds: ['cmp1'],
  componentStatus: 'partial_outage' as const,
};

export interface Kit {
  db: LensDatabase;
  h: ResponderHandlers;
  now: number;
  replies: { status: number; body: unknown; headers?: Record<string, string> }[];
  calls: { url: string; init: RequestInit }[];
}

let n = 0;

/** A responder incident (SEV-2, open) with overrides. */
export const incident = (over: Partial<IncidentRecord> = {}): IncidentRecord => ({
  id: 'i1',
  title: 'Checkout errors',
  components: ['Checkout'],
  publiclyVisible: true,
  startedAt: T0 - 600_000,
  declaredAt: T0 - 300_000,
  status: 'open',
  severity: 2,
  updatedAt: T0,
  ...over,
});

/** Registers the per-test set-up and returns the live kit. */
export function useKit(): Kit {
  const kit = { now: T0, replies: [], calls: [] } as unknown as Kit;
  const fetchStub = (async (url: string, init: RequestInit) => {
    kit.calls.push({ url, init });
    const r = kit.replies.shift() ?? { status: 500, body: 'no reply queued' };
    return new Response(JSON.stringify(r.body), { status: r.status, headers: r.headers ?? {} });
  }) as unknown as typeof fetch;
  beforeEach(async () => {
    kit.db = await openLensDB(`test-${++n}`);
    kit.now = T0;
    kit.replies = [];
    kit.calls = [];
    kit.h = responderHandlers({
      db: async () => kit.db,
      now: () => kit.now,
      fetch: fetchStub,
      newId: () => `e${++n}`,
      timeoutMs: 200,
    });
    await saveIncident(kit.db, incident(), [
      { id: 'c', incidentId: 'i1', type: 'classified', at: T0, severity: 2 },
    ]);
  });
  afterEach(() => kit.db.close());
  return kit;
}

/** Connects a page (the stub answers the verifying GET). */
export async function connect(kit: Kit) {
  kit.replies.push({ status: 200, body: { id: 'pg1', name: 'Acme status' } });
  return kit.h['statuspage/connect']({
    pageId: 'pg1',
    apiKey: KEY,
    apiBase: 'https://api.example.test',
  });
}
