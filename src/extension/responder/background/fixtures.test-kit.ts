import 'fake-indexeddb/auto';
import { afterEach, beforeEach } from 'vitest';
import { saveIncident } from '../../db/incidents';
import type { LensDatabase } from '../../db/open';
import type { IncidentRecord } from '../../db/schema';
import {
  type FakeFetch,
  freshName,
  makeKit,
  type Kit as WorkerKit,
  type QueuedReply,
} from '../../background/worker.test-kit';
import { responderHandlers, type ResponderHandlers } from './handlers';

/** Responder sample data and its handlers over the worker test kit. */
export const T0 = Date.UTC(2025, 2, 15, 14, 0);
export const KEY = 'sekret-key-0000-abcd';
export const TARGET = {
  status: 'investigating' as const,
  componentIds: ['cmp1'],
  componentStatus: 'partial_outage' as const,
};

/**
 * The responder handlers over the worker's one test kit, with the names these tests use:
 * `now` is the kit's clock, `replies` its fetch's queue (unqueued requests get a 500), `calls`
 * what was requested.
 */
export interface Kit {
  readonly db: LensDatabase;
  readonly h: ResponderHandlers;
  now: number;
  readonly replies: QueuedReply[];
  readonly calls: FakeFetch['calls'];
}

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

/** Registers the per-test set-up (a fresh database holding `incident()`) and returns the live kit. */
export function useKit(): Kit {
  let base: WorkerKit | undefined;
  let h: ResponderHandlers | undefined;
  const current = (): WorkerKit => {
    if (!base) throw new Error('useKit: the kit exists only inside a test');
    return base;
  };
  beforeEach(async () => {
    base = await makeKit(freshName(), { clock: { now: T0 } });
    base.net.respond = () => new Response(JSON.stringify('no reply queued'), { status: 500 });
    h = responderHandlers({ ...base.deps, timeoutMs: 200 });
    await saveIncident(base.db, incident(), [
      { id: 'c', incidentId: 'i1', type: 'classified', at: T0, severity: 2 },
    ]);
  });
  afterEach(() => base?.db.close());
  return {
    get db() {
      return current().db;
    },
    get h() {
      if (!h) throw new Error('useKit: the kit exists only inside a test');
      return h;
    },
    get now() {
      return current().clock.now;
    },
    set now(at: number) {
      current().clock.now = at;
    },
    get replies() {
      return current().net.replies;
    },
    get calls() {
      return current().net.calls;
    },
  };
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
