import { isObj } from '../../core/validate';
import { readComponents } from './components';
import { errorForStatus } from './errors';
import type {
  IncidentRequestBody,
  IncidentWrite,
  StatuspageComponent,
  StatuspageConnection,
  StatuspageIncident,
  StatuspageResult,
} from './types';

/** What the client needs from its world; tests hand in a stub fetch and clock. */
export interface ClientEnv {
  fetch: typeof fetch;
  now(): number;
  /** Abort a call after this long. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;

/** The v1 request body for a write: `components` carries statuses, `component_ids` the same ids. */
export function incidentBody(w: IncidentWrite): IncidentRequestBody {
  return {
    incident: {
      name: w.name,
      status: w.status,
      body: w.body,
      ...(w.impactOverride ? { impact_override: w.impactOverride } : {}),
      components: { ...w.components },
      component_ids: Object.keys(w.components),
      deliver_notifications: w.deliverNotifications,
    },
  };
}

/**
 * A Statuspage REST API v1 client for the calls the responder makes. Every call resolves to a
 * result, never throws, and never puts the API key anywhere but the Authorization header.
 */
/** Components read per request, and the most requests one list makes (1,000 components). */
export const COMPONENTS_PER_PAGE = 100;
export const MAX_COMPONENT_PAGES = 10;

export class StatuspageClient {
  constructor(
    private readonly conn: StatuspageConnection,
    private readonly env: ClientEnv,
  ) {}

  /** GET /v1/pages/{page_id}: proves the key and the page id before they are stored. */
  verify(): Promise<StatuspageResult<{ id: string; name: string }>> {
    return this.call('GET', this.pagePath(''), undefined, (j) => {
      const o = j as { id?: unknown; name?: unknown };
      return typeof o.id === 'string'
        ? { id: o.id, name: typeof o.name === 'string' ? o.name : '' }
        : null;
    });
  }

  /**
   * GET /v1/pages/{page_id}/components: the page's components and groups, in its order. The list
   * is paged: pages of COMPONENTS_PER_PAGE are read until a short one (at most MAX_COMPONENT_PAGES).
   */
  async listComponents(): Promise<StatuspageResult<StatuspageComponent[]>> {
    const all: StatuspageComponent[] = [];
    for (let page = 1; page <= MAX_COMPONENT_PAGES; page++) {
      const path = `/components?per_page=${COMPONENTS_PER_PAGE}&page=${page}`;
      // (the raw length decides whether another page follows; items read badly are dropped)
      const r = await this.call('GET', this.pagePath(path), undefined, (json) => {
        const value = readComponents(json);
        return value && { value, full: (json as unknown[]).length >= COMPONENTS_PER_PAGE };
      });
      if (!r.ok) return r;
      const ids = new Set(all.map((c) => c.id));
      all.push(...r.value.value.filter((c) => !ids.has(c.id)));
      if (!r.value.full) break;
    }
    return { ok: true, value: all };
  }

  /** POST /v1/pages/{page_id}/incidents */
  createIncident(w: IncidentWrite): Promise<StatuspageResult<StatuspageIncident>> {
    return this.call('POST', this.pagePath('/incidents'), incidentBody(w), readIncident);
  }

  /** PATCH /v1/pages/{page_id}/incidents/{incident_id} */
  updateIncident(id: string, w: IncidentWrite): Promise<StatuspageResult<StatuspageIncident>> {
    const path = this.pagePath(`/incidents/${encodeURIComponent(id)}`);
    return this.call('PATCH', path, incidentBody(w), readIncident);
  }

  /**
   * GET /v1/pages/{page_id}/incidents/unresolved, for the one named `name` (newest first): how a
   * create that timed out is found again instead of being posted twice.
   */
  findUnresolved(name: string): Promise<StatuspageResult<StatuspageIncident | null>> {
    return this.call('GET', this.pagePath('/incidents/unresolved'), undefined, (json) => {
      if (!Array.isArray(json)) return null;
      const same = json.map(readIncident).filter((i) => i !== null && i.name === name);
      return { found: same[0] ?? null };
    }).then((r) => (r.ok ? { ok: true, value: r.value.found } : r));
  }

  /** DELETE /v1/pages/{page_id}/incidents/{incident_id}: takes a mistaken incident off the page. */
  deleteIncident(id: string): Promise<StatuspageResult<{ id: string }>> {
    const path = this.pagePath(`/incidents/${encodeURIComponent(id)}`);
    return this.call('DELETE', path, undefined, (j) => {
      const o = j as { id?: unknown } | null;
      return { id: typeof o?.id === 'string' ? o.id : id };
    });
  }

  private pagePath(rest: string): string {
    return `${this.conn.apiBase}/v1/pages/${encodeURIComponent(this.conn.pageId)}${rest}`;
  }

  private async call<T>(
    method: string,
    url: string,
    body: unknown,
    read: (json: unknown) => T | null,
  ): Promise<StatuspageResult<T>> {
    const timeoutMs = this.env.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(), timeoutMs);
    try {
      const res = await this.env.fetch(url, {
        method,
        headers: {
          Authorization: `OAuth ${this.conn.apiKey}`,
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: ctrl.signal,
        credentials: 'omit',
        cache: 'no-store',
      });
      const text = await res.text();
      if (!res.ok) {
        const error = errorForStatus(
          res.status,
          text,
          res.headers.get('Retry-After'),
          this.env.now(),
        );
        return { ok: false, error };
      }
      let value: T | null = null;
      try {
        value = read(JSON.parse(text));
      } catch {
        value = null;
      }
      if (value === null)
        return { ok: false, error: { kind: 'bad_response', detail: text.slice(0, 200) } };
      return { ok: true, value };
    } catch (e) {
      if (ctrl.signal.aborted)
        return { ok: false, error: { kind: 'timeout', seconds: Math.round(timeoutMs / 1000) } };
      // The message of a network failure names no secret (fetch never echoes headers).
      return {
        ok: false,
        error: { kind: 'network', detail: e instanceof Error ? e.message : String(e) },
      };
    } finally {
      clearTimeout(timer);
    }
  }
}

function readIncident(json: unknown): StatuspageIncident | null {
  if (!isObj(json)) return null;
  const o = json;
  if (typeof o.id !== 'string') return null;
  return {
    id: o.id,
    name: typeof o.name === 'string' ? o.name : '',
    status: typeof o.status === 'string' ? o.status : '',
    ...(typeof o.shortlink === 'string' && /^https:\/\//i.test(o.shortlink)
      ? { shortlink: o.shortlink }
      : {}),
  };
}
