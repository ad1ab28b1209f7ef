import type { ImpactAnswers, Severity, TimelineEventType } from '../../core/types';
import type { IncidentRecord } from '../db/schema';
import type {
  StatuspageComponentStatus,
  StatuspageConnection,
  StatuspageError,
  StatuspageIncidentStatus,
} from '../statuspage/types';

/** Every message the composer drafts (the resolution one lives in the Resolve view). */
export type MessageKind =
  'initial' | 'update' | 'resolution' | 'customer_email' | 'exec' | 'banner';

/** Kinds that go on the public status page and so can be published through the API. */
export type StatusPageKind = 'initial' | 'update' | 'resolution';

/** Where a Statuspage write goes and what it sets. */
export interface PublishTarget {
  status: StatuspageIncidentStatus;
  /** Statuspage component ids the incident affects. */
  componentIds: string[];
  /** The status those components show. */
  componentStatus: StatuspageComponentStatus;
}

/**
 * Publishing a drafted message: through the Statuspage API (`via: 'statuspage'`, status-page kinds
 * only) or by recording that it was posted / sent by hand (`via: 'manual'`).
 */
export interface PublishRequest {
  id: string;
  kind: Exclude<MessageKind, 'resolution'>;
  text: string;
  via: 'statuspage' | 'manual';
  target?: PublishTarget;
  /** The draft fields, kept as the draft if publishing fails. */
  fields?: Record<string, string>;
  /** The next update time the message promises (epoch ms), recorded with the post. */
  nextUpdateAt?: number;
  /** The incident's public title (kept on the incident once the publish succeeds). */
  publicTitle?: string;
}

/** A publish outcome; a failure leaves the draft in place. */
export type PublishResult =
  | { ok: true; eventId: string; statuspageIncidentId?: string; shortlink?: string }
  | { ok: false; error: StatuspageError };

/** Resolving: the resolution message, the resolved time, and optionally a Statuspage write. */
export interface ResolveRequest {
  id: string;
  text: string;
  at?: number;
  publish?: PublishTarget;
  fields?: Record<string, string>;
}

/** The post-mortem deadline starts at `resolvedAt`. */
export type ResolveResult =
  | { ok: true; incident: IncidentRecord; postmortemDueAt: number }
  | { ok: false; error: StatuspageError | { kind: 'already_resolved' } };

/** Cancelling an incident declared by mistake: the reason is recorded on its timeline. */
export interface CancelRequest {
  id: string;
  reason: string;
}

/** A cancel outcome: the public incident (if any) is taken off the page first. */
export type CancelResult =
  { ok: true; incident: IncidentRecord } | { ok: false; error: StatuspageError };

/** What views may know about the Statuspage connection: never the key, only its last characters. */
export type StatuspageStatus =
  | { connected: false }
  | { connected: true; pageId: string; apiBase: string; keyHint: string; pageName?: string };

/** `statuspage/connect` reply. */
export type ConnectResult =
  { ok: true; status: StatuspageStatus } | { ok: false; error: StatuspageError };

/** A Statuspage component a responder can pick by name; `group` is the name of its group. */
export interface ComponentChoice {
  id: string;
  name: string;
  group?: string;
}

/** `statuspage/components` reply: the connected page's components, or why they could not be read. */
export type ComponentsResult =
  { ok: true; components: ComponentChoice[] } | { ok: false; error: StatuspageError };

/** The incident timeline's commands (handlers in background/incidents.ts). */
export interface IncidentCommands {
  'incidents/declare': {
    req: { title: string; components: string[]; publiclyVisible: boolean; startedAt?: number };
    res: IncidentRecord;
  };
  'incidents/classify': {
    req: { id: string; answers: ImpactAnswers; severity: Severity; overrideReason?: string };
    res: IncidentRecord;
  };
  'incidents/record': {
    req: { id: string; type: TimelineEventType; at?: number; obligationId?: string; text?: string };
    res: null;
  };
  'incidents/editEvent': {
    req: { id: string; eventId: string; at: number; reason: string };
    res: null;
  };
}

/**
 * The publishing workflow's commands (handlers in background/handlers.ts); with IncidentCommands
 * composed into `Commands` in messaging/commands.ts.
 */
export interface ResponderCommands {
  'incidents/publish': { req: PublishRequest; res: PublishResult };
  'incidents/resolve': { req: ResolveRequest; res: ResolveResult };
  'incidents/link': {
    req: { id: string; link: { sourceId: string; incidentId: string } | null };
    res: IncidentRecord;
  };
  'drafts/save': {
    req: { incidentId: string; kind: MessageKind; fields: Record<string, string> };
    res: null;
  };
  'drafts/discard': { req: { incidentId: string; kind: MessageKind }; res: null };
  'incidents/cancel': { req: CancelRequest; res: CancelResult };
  /** Forgets a public incident that is gone from the page (404), so the next publish creates one. */
  'incidents/unlinkStatuspage': { req: { id: string }; res: IncidentRecord };
  'statuspage/connect': { req: StatuspageConnection; res: ConnectResult };
  'statuspage/disconnect': { req: null; res: null };
  'statuspage/status': { req: null; res: StatuspageStatus };
  /** Reads the connected page's components (nothing is stored). */
  'statuspage/components': { req: null; res: ComponentsResult };
}
