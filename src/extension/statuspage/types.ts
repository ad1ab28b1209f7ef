import type { ComponentStatus, IncidentStatus } from '../../core/types';

/** A connection to one Statuspage page through the REST API v1. The key never leaves the background. */
export interface StatuspageConnection {
  pageId: string;
  apiKey: string;
  /** Origin (and optional path prefix) the `/v1/…` paths hang off, e.g. `https://api.statuspage.io`. */
  apiBase: string;
}

/** Realtime incident statuses the v1 API accepts for incidents (not maintenances). */
export type StatuspageIncidentStatus = Extract<
  IncidentStatus,
  'investigating' | 'identified' | 'monitoring' | 'resolved'
>;

/** Component statuses the v1 API accepts. */
export type StatuspageComponentStatus = Exclude<ComponentStatus, 'unknown'>;

/** `impact_override` values. */
export type StatuspageImpact = 'none' | 'minor' | 'major' | 'critical';

/** What the extension sends when it creates or updates an incident. */
export interface IncidentWrite {
  name: string;
  status: StatuspageIncidentStatus;
  body: string;
  impactOverride?: StatuspageImpact;
  /** Component id → the status it should show. */
  components: Record<string, StatuspageComponentStatus>;
  /** Email / SMS subscribers are told (Statuspage's `deliver_notifications`). */
  deliverNotifications: boolean;
}

/** The JSON body of POST /v1/pages/{page_id}/incidents and PATCH …/incidents/{id}. */
export interface IncidentRequestBody {
  incident: {
    name: string;
    status: StatuspageIncidentStatus;
    body: string;
    impact_override?: StatuspageImpact;
    components: Record<string, StatuspageComponentStatus>;
    component_ids: string[];
    deliver_notifications: boolean;
  };
}

/** The fields of the v1 incident response the extension reads. */
export interface StatuspageIncident {
  id: string;
  name: string;
  status: string;
  shortlink?: string;
}

/** The fields of a v1 component the extension reads (GET /v1/pages/{page_id}/components). */
export interface StatuspageComponent {
  id: string;
  name: string;
  /** The group this component sits in, or null. */
  groupId: string | null;
  /** True for a group: it holds components and takes no status of its own. */
  group: boolean;
}

/** Why a call failed, in terms the UI can explain without knowing HTTP. */
export type StatuspageError =
  | { kind: 'auth'; status: number }
  | { kind: 'not_found'; status: number }
  | { kind: 'validation'; status: number; detail: string }
  | { kind: 'rate_limited'; status: number; retryAfterSeconds: number }
  | { kind: 'http'; status: number; detail: string }
  | { kind: 'network'; detail: string }
  | { kind: 'timeout'; seconds: number }
  | { kind: 'bad_response'; detail: string }
  | { kind: 'not_connected' }
  | { kind: 'bad_config'; detail: string }
  /** A create timed out and no incident of that name was found: it may still have gone through. */
  | { kind: 'maybe_posted'; seconds: number }
  /** Publishing needs a public title first (the internal one never goes out). */
  | { kind: 'no_public_title' }
  /** A resolution for an incident that was never on the status page is not posted. */
  | { kind: 'never_published' };

/** A call's outcome: errors are data, never thrown. */
export type StatuspageResult<T> = { ok: true; value: T } | { ok: false; error: StatuspageError };
