import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the mock received (the Authorization header is kept so tests can check it). */
export interface MockRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  body: unknown;
}

/** A canned failure for the next write: 401, 422 (with Statuspage's error text) or 429. */
export type MockFailure =
  | { status: 401 }
  | { status: 422; error?: string | string[] }
  | { status: 429; retryAfter?: number };

export interface StatuspageMock {
  /** e.g. http://127.0.0.1:41234 — the API base to connect the extension to. */
  base: string;
  pageId: string;
  apiKey: string;
  requests: MockRequest[];
  /** The page's components (and groups) GET …/components answers with, in page order. */
  components: Record<string, unknown>[];
  /** Incidents created so far, by id, as the API would return them. */
  incidents: Map<string, Record<string, unknown>>;
  /** The next call (of any kind) answers with this failure instead. */
  failNext(f: MockFailure): void;
  /**
   * The next call is handled (an incident is created or changed) but its answer is held back this
   * long: a slow API, whose client times out although the write went through.
   */
  delayNext(ms: number): void;
  close(): Promise<void>;
}

const STATUSES = new Set(['investigating', 'identified', 'monitoring', 'resolved']);
const COMPONENT_STATUSES = new Set([
  'operational',
  'degraded_performance',
  'partial_outage',
  'major_outage',
  'under_maintenance',
]);

/** A v1 component as the API returns it. */
function component(
  pageId: string,
  id: string,
  name: string,
  position: number,
  group: { groupId?: string; isGroup?: boolean } = {},
): Record<string, unknown> {
  const at = '2025-01-01T00:00:00.000Z';
  return {
    id,
    page_id: pageId,
    group_id: group.groupId ?? null,
    created_at: at,
    updated_at: at,
    group: group.isGroup ?? false,
    name,
    description: null,
    position,
    status: 'operational',
    showcase: true,
    only_show_if_degraded: false,
    automation_email: `component+${id}@notifications.statuspage.io`,
    start_date: null,
    ...(group.isGroup ? { components: [] as string[] } : {}),
  };
}

/** Checkout and Search on their own, Card API and Payouts inside the Payments group. */
function defaultComponents(pageId: string): Record<string, unknown>[] {
  const pay = component(pageId, 'grp1', 'Payments', 3, { isGroup: true });
  pay.components = ['cmp3', 'cmp4'];
  return [
    component(pageId, 'cmp1', 'Checkout', 1),
    component(pageId, 'cmp2', 'Search', 2),
    pay,
    component(pageId, 'cmp3', 'Card API', 4, { groupId: 'grp1' }),
    component(pageId, 'cmp4', 'Payouts', 5, { groupId: 'grp1' }),
  ];
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let raw = '';
  for await (const chunk of req) raw += String(chunk);
  if (raw === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** Statuspage's validation: the messages the real API gives for the same mistakes. */
function validate(inc: Record<string, unknown> | undefined, creating: boolean): string[] {
  if (!inc || typeof inc !== 'object') return ['incident is missing'];
  const errors: string[] = [];
  if (creating && (typeof inc.name !== 'string' || inc.name.trim() === ''))
    errors.push("Name can't be blank");
  if (inc.status !== undefined && !STATUSES.has(String(inc.status)))
    errors.push('Status is invalid');
  const comps = (inc.components ?? {}) as Record<string, unknown>;
  for (const [id, s] of Object.entries(comps)) {
    if (!COMPONENT_STATUSES.has(String(s))) errors.push(`Component ${id} status is invalid`);
  }
  return errors;
}

/**
 * A local Statuspage REST API v1 server: GET /v1/pages/{page_id}, GET /v1/pages/{page_id}/components,
 * POST /v1/pages/{page_id}/incidents,
 * PATCH and DELETE /v1/pages/{page_id}/incidents/{id}, GET …/incidents/unresolved, with `Authorization: OAuth <key>`, the documented
 * JSON shapes and error bodies (`{"error": …}`), and 401 / 422 / 429 on demand.
 */
export async function startStatuspageMock(
  pageId = 'pg1abc',
  apiKey = 'test-key-0123456789',
): Promise<StatuspageMock> {
  const requests: MockRequest[] = [];
  const incidents = new Map<string, Record<string, unknown>>();
  const components = defaultComponents(pageId);
  let failure: MockFailure | null = null;
  let delay = 0;
  let seq = 0;

  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const body = await readJson(req);
    requests.push({
      method: req.method ?? 'GET',
      path,
      authorization: req.headers.authorization,
      contentType: req.headers['content-type'],
      body,
    });
    const wait = delay;
    delay = 0;
    const send = (status: number, json: unknown, headers: Record<string, string> = {}) => {
      const answer = () => {
        if (res.destroyed) return;
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
        res.end(JSON.stringify(json));
      };
      if (wait > 0) setTimeout(answer, wait);
      else answer();
    };
    if (failure) {
      const f = failure;
      failure = null;
      if (f.status === 401) return send(401, { error: 'Could not authenticate' });
      if (f.status === 429)
        return send(
          429,
          { error: 'Rate limit exceeded' },
          { 'retry-after': String(f.retryAfter ?? 30) },
        );
      return send(422, { error: f.error ?? ['Status is invalid'] });
    }
    if (req.headers.authorization !== `OAuth ${apiKey}`)
      return send(401, { error: 'Could not authenticate' });
    const list = /^\/v1\/pages\/([^/]+)\/components\/?$/.exec(path);
    if (list && list[1] === pageId)
      return req.method === 'GET'
        ? send(200, components)
        : send(405, { error: 'Method not allowed' });
    const m = /^\/v1\/pages\/([^/]+)(\/incidents(?:\/([^/]+))?)?\/?$/.exec(path);
    if (!m || m[1] !== pageId)
      return send(404, { error: 'The requested resource could not be found.' });
    const now = new Date().toISOString();
    if (!m[2] && req.method === 'GET')
      return send(200, { id: pageId, name: 'Mock page', url: 'https://status.example.com' });
    const inc = (body as { incident?: Record<string, unknown> } | undefined)?.incident;
    if (m[2] && m[3] === 'unresolved' && req.method === 'GET')
      return send(200, [...incidents.values()].filter((i) => i.status !== 'resolved').reverse());
    if (m[3] && req.method === 'DELETE') {
      const gone = incidents.get(m[3]);
      if (!gone) return send(404, { error: 'The requested resource could not be found.' });
      incidents.delete(m[3]);
      return send(200, gone);
    }
    if (m[2] && !m[3] && req.method === 'POST') {
      const errors = validate(inc, true);
      if (errors.length) return send(422, { error: errors });
      const id = `inc${++seq}`;
      const created = {
        id,
        page_id: pageId,
        name: inc?.name,
        status: inc?.status ?? 'investigating',
        impact: inc?.impact_override ?? 'none',
        created_at: now,
        updated_at: now,
        shortlink: `https://stspg.io/${id}`,
        incident_updates: [
          { id: `upd${seq}`, body: inc?.body ?? '', status: inc?.status, created_at: now },
        ],
        components: Object.entries((inc?.components ?? {}) as Record<string, string>).map(
          ([cid, s]) => ({ id: cid, status: s }),
        ),
      };
      incidents.set(id, created);
      return send(201, created);
    }
    if (m[3] && req.method === 'PATCH') {
      const existing = incidents.get(m[3]);
      if (!existing) return send(404, { error: 'The requested resource could not be found.' });
      const errors = validate(inc, false);
      if (errors.length) return send(422, { error: errors });
      const updates = existing.incident_updates as unknown[];
      const next: Record<string, unknown> = {
        ...existing,
        ...(inc?.status ? { status: inc.status } : {}),
        ...(inc?.components
          ? {
              components: Object.entries(inc.components as Record<string, string>).map(
                ([cid, s]) => ({ id: cid, status: s }),
              ),
            }
          : {}),
        updated_at: now,
      };
      next.incident_updates = [
        { id: `upd${++seq}`, body: inc?.body ?? '', status: inc?.status, created_at: now },
        ...updates,
      ];
      incidents.set(m[3], next);
      return send(200, next);
    }
    return send(405, { error: 'Method not allowed' });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    pageId,
    apiKey,
    requests,
    components,
    incidents,
    failNext: (f) => void (failure = f),
    delayNext: (ms) => void (delay = ms),
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
