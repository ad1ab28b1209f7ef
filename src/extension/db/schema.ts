import type { DBSchema, StoreNames } from 'idb';
import type {
  Feed,
  FeedIncident,
  FeedProblem,
  ImpactAnswers,
  Policy,
  Severity,
  TimelineEvent,
} from '../../core/types';
import type { ActionItem, CommsTally, Review, SupportSignal } from '../../core/review';
import type { StoredTotals } from '../../core/review/comms-totals';
import type { CompletionTotals } from '../../core/review/completion-totals';
import type { Author } from '../../core/team';
import type { NotifyFilter, NotifyRole } from '../../core/notify';
import type { Language } from '../../core/language';
import type { FeedFormat } from '../../core/feed/formats';
import type { RunningDeadline } from '../../core/deadlines';

/**
 * The one typed database schema of the extension (docs/style.md #5). Every store the agents' view,
 * the responder workflow and the reviews need lives here; migrations are in `migrations.ts`,
 * ordered by version and each tested against a database written by the previous version.
 */

export const DB_NAME = 'incident-lens';
/** The current schema version: the last step in `MIGRATIONS`. */
export const DB_VERSION = 11;

/** A Statuspage v2 (or compatible) feed the background polls. */
export interface SourceRecord {
  id: string;
  name: string;
  /** The summary.json (or compatible) URL. */
  url: string;
  pollSeconds: number;
  enabled: boolean;
  createdAt: number;
  /** Conditional-request validators from the last 200. */
  etag?: string;
  lastModified?: string;
  lastPollAt?: number;
  lastOkAt?: number;
  /** Consecutive failures, for back-off. */
  failures: number;
  /** When the next poll may happen (back-off and max-age folded in). */
  nextPollAt: number;
  lastError?: string;
  /** Problems the parser reported on the last response (kept short). */
  lastProblems?: FeedProblem[];
  /** The format the user chose for this feed; absent: detected from each response. */
  format?: FeedFormat;
  /** The format the last good response was read as (shown beside the source). */
  detectedFormat?: FeedFormat;
  /**
   * Request headers for a private or internal feed (e.g. Authorization), sent to the feed's own
   * origin only, and left out of exports unless the user asks for them.
   */
  headers?: Record<string, string>;
  /** Set by the organisation's managed configuration: shown locked, never removed by the user. */
  managed?: boolean;
  /** An i18n key the source list shows, e.g. `warn_httpFeed` for plain http to another host. */
  warning?: string;
  /**
   * A poll in flight: the worker instance that claimed it and until when. Kept in the database,
   * not in memory, so a second or restarted worker sees it (issue 22); it expires by itself
   * when its worker died mid-poll. Machine-local: never exported.
   */
  pollLease?: PollLease;
}

/** See SourceRecord.pollLease. */
export interface PollLease {
  id: string;
  until: number;
}

/** The last good parsed feed of a source. Never overwritten by a bad response. */
export interface SnapshotRecord {
  sourceId: string;
  feed: Feed;
  fetchedAt: number;
  /**
   * True when the response carried an incident list. A later 200 without one is not taken as
   * "no incidents" (issue 16 #6). Absent on snapshots written before it existed.
   */
  listsIncidents?: boolean;
}

/** One feed incident (or maintenance) as last seen; key `${sourceId}|${incident.id}`. */
export interface FeedIncidentRecord {
  key: string;
  sourceId: string;
  incident: FeedIncident;
  /** 1 while active — an index on a number, as IndexedDB cannot index booleans. */
  active: 0 | 1;
  firstSeenAt: number;
  lastSeenAt: number;
  /**
   * The severities seen, oldest first: the first as the incident appeared, then each change with
   * the time a poll first saw it (a feed only says the current impact). At most
   * `SEVERITY_HISTORY` entries, the first always kept. Absent on records written before it existed.
   */
  severities?: SeveritySeen[];
  /** Duties of this incident the agent marked done (today only `customer_email`), first time each. */
  done?: { obligationId: string; at: number; by?: string }[];
  /**
   * What the agent overlay saw of this incident, anonymised: tickets matched and replies copied,
   * as kinds, times and opaque ticket hashes (never ticket text). At most `SUPPORT_SIGNALS` (db/sources.ts).
   */
  support?: SupportSignal[];
}

/** A severity a feed incident had, and since when. */
export interface SeveritySeen {
  severity: Severity | null;
  at: number;
}

/** A site where the agent enabled the overlay. */
export interface SiteRecord {
  /** Origin match pattern, e.g. `https://acme.zendesk.com/*`. */
  pattern: string;
  origin: string;
  enabled: boolean;
  addedAt: number;
  /** Where the pill sits on this site. */
  corner: 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';
  /** True once the user revoked the origin permission outside the extension (shown by the UI). */
  revoked?: boolean;
  /** Set by the organisation's managed configuration: shown locked, never turned off by the user. */
  managed?: boolean;
  /**
   * The customer reply's language the agent last chose on this site: the default for a ticket
   * without its own choice (issue 19, "the reply's language per customer").
   */
  replyLanguage?: Language;
  /** The reply language chosen per ticket, by the ticket's opaque key (a hash of its address). */
  ticketLanguages?: Record<string, Language>;
}

/** A responder-declared incident. Its timeline lives in `timeline` (chunks of events). */
export interface IncidentRecord {
  id: string;
  title: string;
  components: string[];
  publiclyVisible: boolean;
  commonlyUsed?: boolean;
  /**
   * The policy the incident was declared under. A policy edited later applies to new incidents
   * only; this one keeps counting down by the rules it started with. Absent on incidents declared
   * before it existed: they follow the current policy.
   */
  policy?: Policy;
  /** When the incident started (may precede declaration). */
  startedAt: number;
  declaredAt: number;
  /** `cancelled`: declared by mistake; no duties, no post-mortem. */
  status: 'open' | 'resolved' | 'cancelled';
  /** Denormalised from the latest classification, for lists. */
  severity: Severity | null;
  answers?: ImpactAnswers;
  /** A feed incident whose public updates count as posted updates. */
  linked?: { sourceId: string; incidentId: string };
  /** The Statuspage incident id once published through the REST API. */
  statuspageIncidentId?: string;
  /** Its public link on the status page (https only), shown after publishing. */
  statuspageShortlink?: string;
  /**
   * The components the public incident set and the status each shows, remembered so follow-up
   * updates keep them and the resolution sets every one back to operational.
   */
  statuspageComponents?: Record<string, string>;
  /**
   * Set when a create timed out with no answer: it may have gone through, so the next publish looks
   * the incident up on the page before posting again (no duplicate public incident).
   */
  statuspageCreatePendingAt?: number;
  /** The incident's name on the public status page; the internal `title` never goes out. */
  publicTitle?: string;
  /** When it was cancelled as declared by mistake (status `cancelled`), and why. */
  cancelledAt?: number;
  resolvedAt?: number;
  /**
   * Denormalised for lists: when its post-mortem was published (the `review_published` event written by
   * `reviews/publish`, or one recorded on the timeline). Absent while unpublished. The v3 migration
   * filled it in from reviews published before it existed.
   */
  reviewPublishedAt?: number;
  /** An optional review (SEV-3/4) skipped on purpose, with the reason given. */
  reviewSkipped?: { reason: string; at: number };
  updatedAt: number;
  /** Team mode: who declared it, who wrote it last and when. Absent on records no team user wrote. */
  createdBy?: Author;
  lastBy?: Author;
  lastAt?: number;
}

/** A timeline event of a responder incident. */
export interface EventRecord extends TimelineEvent {
  incidentId: string;
  /** Team mode: who recorded it. Absent on events no team user wrote. */
  author?: Author;
}

/**
 * A run of one incident's timeline: up to CHUNK_EVENTS events sorted by (at, id), keyed by its
 * incident, its first event's time and id, and how many it holds. IndexedDB costs about the same
 * per record whatever its size, so a timeline is written a chunk at a time (issue 22: 200,000
 * events as records took 100 s; as chunks, seconds). See db/chunks.ts.
 */
export interface TimelineChunkRecord {
  incidentId: string;
  /** The first event's time and id: chunks of one incident never overlap. */
  at: number;
  id: string;
  /** How many events: in the key, so a timeline is counted from keys alone. */
  n: number;
  events: EventRecord[];
}

/** The key of a chunk: [incidentId, at, id, n]. */
export type ChunkKey = [string, number, string, number];

/**
 * A feed incident's duty marked done by anyone in the team (replicated). Keyed by the feed's URL,
 * not the local source id: each browser names its sources itself.
 */
export interface TeamMarkRecord {
  /** The shared document id (`mark:...`). */
  id: string;
  feedUrl: string;
  incidentId: string;
  obligationId: string;
  at: number;
  author: Author;
}

/** Team mode's connection, set in Options → Team. The password is never stored. */
export interface TeamConfig {
  /** The server's origin and path, e.g. `https://couch.example.com`. */
  url: string;
  db: string;
  user: string;
  display: string;
}

/** A composer draft, kept until published or discarded (a failed publish keeps it). */
export interface DraftRecord {
  /** `${incidentId}|${kind}` */
  key: string;
  incidentId: string;
  kind: string;
  fields: Record<string, string>;
  updatedAt: number;
}

export interface ReviewRecord extends Review {
  incidentId: string;
}

/**
 * Notification de-duplication: one record per notice key claimed, and one `shown|<id>` record per
 * desktop notification created (for the rate limits). Records not touched for
 * NOTIFIED_RETENTION_MS are pruned; a key still current is touched at least daily.
 */
export interface NotifiedRecord {
  key: string;
  /** When claimed, shown, or last seen still current (whichever is latest). */
  at: number;
  /**
   * `pending`: claimed to be shown, not shown yet (a worker stop re-shows it); `shown`: shown or
   * recorded silently; `held`: left out by a rate limit. Absent on records from before: shown.
   */
  state?: 'pending' | 'shown' | 'held';
  /** The source a `shown|` record's notification was about (per-source limits). */
  scope?: string;
}

/** A customer reply copied from the overlay, to detect that it went stale. */
export interface CopiedReplyRecord {
  /** `${sourceId}|${incidentId}` */
  key: string;
  updateId: string;
  text: string;
  copiedAt: number;
}

/** The kinds of notification, each turned on or off. */
export type NotificationKind =
  'newIncident' | 'severityChange' | 'newUpdate' | 'obligationDue' | 'actionItemDue';

/**
 * settings.notifications: the kinds turned on, and the filters the worker applies (core/notify.ts).
 * Records written before the filters existed lack them; `getSetting` fills in the defaults.
 */
export interface NotificationPrefs extends Record<NotificationKind, boolean>, NotifyFilter {
  /** Notified severities: SEV-1 up to this one; null = every incident, unknown severity too. */
  minSeverity: Severity | null;
  role: NotifyRole;
  /** Sources never notified, by id (the agent's choice) or feed URL (a managed default). */
  mutedSources: string[];
  /**
   * The settings the agent chose themselves: an organisation's default never overrides them, and
   * every other setting follows the organisation's defaults as they change (issue 20).
   */
  chosen?: NotificationSetting[];
}

/** Every setting of settings.notifications an agent or an organisation may set. */
export type NotificationSetting = NotificationKind | keyof NotifyFilter;

/** Key → value type of the settings store. */
export interface Settings {
  policy: Policy;
  templates: Record<string, string>;
  notifications: NotificationPrefs;
  locale: string;
  /**
   * Statuspage REST API v1 connection, never exported. Written by `secrets.ts`: `apiKey` is empty
   * and the key is in `sealed` (AES-GCM under `keyring`); `hint` is its last four characters.
   * Versions before 0.x stored the key in `apiKey` in clear; it is sealed on first use.
   */
  statuspage: {
    pageId: string;
    apiKey: string;
    apiBase: string;
    sealed?: { iv: Uint8Array<ArrayBuffer>; data: ArrayBuffer };
    hint?: string;
  } | null;
  /** The non-extractable key that seals the API key. Local to this installation, never exported. */
  keyring: CryptoKey | null;
  /** Random id written once per worker boot (tests tell boots apart by it). */
  bootId: string;
  /** Team mode's server, or null for local-only (the default). */
  team: TeamConfig | null;
  /** How far the shared store's changes were copied into these stores (a PouchDB sequence). */
  teamSeq: number | string;
  /** How long a resolved feed incident's card stays in the overlay, in minutes (0: not at all). */
  resolvedKeepMinutes: number;
  /**
   * A recomputation of every summary and tally running in the background (after a policy change,
   * db/summaries.ts recomputeAllLater), or null: how far it got, so a restarted worker continues
   * it. Local to this installation, never exported.
   */
  summariesRecompute: SummariesRecompute | null;
  /**
   * The schema version whose post-upgrade fill of the summaries and tallies is complete (every
   * summary written since carries its tally and list order), or null: the worker's start-up
   * check (db/summaries.ts ensureSummaries) scans the summaries only until then (issue 22).
   * Local to this installation, never exported.
   */
  summariesFilled: number | null;
  /**
   * The schema version whose start-up repair of reviews stored with repeated action-item ids is
   * complete (db/review-repair.ts), or null. Local to this installation, never exported.
   */
  reviewItemsRepaired: number | null;
}

/**
 * How far a background recomputation got: open incidents first (the side panel's list), then the
 * rest (the dashboard's tallies), each in incident id order after `after`. `run` tells one
 * recomputation from the next: a policy saved again while one runs starts it over.
 */
export interface SummariesRecompute {
  run: string;
  phase: 'open' | 'rest';
  after: string | null;
}

/**
 * Who changed a shared setting (the team's policy, its reply templates), when, and what: the
 * template keys (`update`, `de:initial`…) that changed, or for the policy the version it became.
 * Kept on the setting's own document, so it replicates with it (db/setting-log.ts).
 */
export interface SettingChange {
  author: Author;
  at: number;
  keys: string[];
  version?: number;
  /** `managed`: the organisation's managed policy (IT) made this change; `author` wrote it. */
  via?: 'managed';
}

export interface SettingRecord<K extends keyof Settings = keyof Settings> {
  key: K;
  value: Settings[K];
  /** A shared setting's change log (the team's policy and templates): who changed what, when. */
  changes?: SettingChange[];
}

/**
 * What an open incident's list row needs, kept beside its record (issue 22: the list reads no
 * timeline): its running deadlines, computed from its timeline (the linked feed's posts merged in),
 * its answers and its policy whenever one of them changes (db/summaries.ts). Derived and
 * machine-local: never exported, never shared; rebuilt from the timelines when missing.
 */
export interface SummaryRecord {
  incidentId: string;
  /**
   * A fingerprint of the inputs other than its own events (the incident record, the policy it
   * runs on, the linked feed incident's updates): a summary whose stamp no longer matches is not
   * used, so a change that missed the recomputation costs speed, never a wrong deadline.
   */
  stamp: string;
  /** The policy's due-soon window the states are decided with at read time. */
  dueSoonMinutes: number;
  deadlines: RunningDeadline[];
  /**
   * v8: its communication tally for the reviews dashboard, judged by the current policy (its
   * fingerprint kept) with its running cadences (core `commsTally` `tails`), so the dashboard's
   * first screen reads no open timeline either. Absent when it could not be stored (an event
   * dated after the computation, whose tally would change when its time comes).
   */
  comms?: { tally: CommsTally | null; policyStamp: string };
  /**
   * The incident's place in the open list (core/triage.ts `listOrderKey`), indexed (`by-order`):
   * the side panel reads any stretch of the list in order from the index (issue 22). Absent on
   * summaries written before schema 9: the worker refills them (ensureSummaries).
   */
  order?: [number, number, string];
}

/**
 * What a resolved incident adds to the reviews dashboard's communication report (core
 * `commsTally`), kept beside it so the dashboard reads no timeline (issue 22). Written with the
 * summaries (db/summaries.ts) for every incident with a `resolvedAt`; `tally` is null while it is
 * open again (the dashboard computes open ones from their timelines) or never classified.
 */
export interface TallyRecord {
  incidentId: string;
  resolvedAt: number;
  /** The fingerprint of the policy it was judged by: a tally of another policy is not used. */
  policyStamp: string;
  tally: CommsTally | null;
}

/**
 * One action item of a review, beside it (v8, issue 22), so the reviews dashboard's first rows come
 * from one range of `by-order`: open ones (`open` 1) by due date first (the overdue ones), then the
 * rest. Written in the transaction that writes its review (db/action-items.ts). Derived and
 * machine-local: never in a backup, never shared.
 */
export interface ActionItemRecord {
  reviewId: string;
  itemId: string;
  incidentId: string;
  reviewTitle: string;
  open: 0 | 1;
  /** The due date; Infinity when it has none (undated items come last). */
  due: number;
  item: ActionItem;
}

/**
 * v11: what the reviews dashboard's first screen needs of an open incident's summary, beside it
 * (db/open-comms.ts): its stamp, and its communication tally packed in one flat array (core
 * comms-edge.ts packTally), so the page reads a few bytes per open incident instead of every
 * summary's deadlines. Written and removed with the summary, in its transaction. Derived and
 * machine-local.
 */
export interface OpenCommsRecord {
  incidentId: string;
  /** The summary's stamp (SummaryRecord `stamp`): not used once it no longer matches. */
  stamp: string;
  /**
   * The summary's `comms`, flat (one object fewer per record to copy): its policy fingerprint and
   * its tally packed (null: never classified); both absent when the summary holds no `comms`.
   */
  policyStamp?: string;
  tally?: Float64Array | null;
}

/**
 * v10: a record of the reviews dashboard's state (db/dashboard-state.ts): `talliesComplete`
 * (present while every resolved incident has its tally; `n` the count it was checked at) or
 * `items` (how many action items are stored, `n`); `openOrdered` (present while every open
 * incident has an ordered summary; `n` the open count: db/list-state.ts); `openCommsCurrent`
 * (below). Derived and machine-local.
 */
export type DashboardStateRecord =
  | { key: 'talliesComplete' | 'items' | 'openOrdered'; n: number }
  | OpenCommsMark
  | OpenCommsPending;

/**
 * `openCommsCurrent` (db/open-comms.ts): present while every open incident not in `check` has an
 * `openComms` record whose stamps match its record and the policy of fingerprint `policy`, and
 * every `openComms` record is an open incident's; `n` the open count when it was put. The packed
 * tallies of those not in `check` with one (`ids`, in key order), end to end in `tallies`, the k-th
 * ending at `ends[k]`: what their `openComms` records hold, in three values instead of a record
 * each.
 */
export interface OpenCommsMark {
  key: 'openCommsCurrent';
  n: number;
  policy: string;
  check: string[];
  ids: string[];
  ends: Uint32Array;
  tallies: Float64Array;
}

/**
 * `openCommsCurrent` asked for (open-comms.ts `requestOpenComms`): no mark yet. Removed like the
 * mark by every write that can break it, so one still holding the token `pending` its build read
 * proves nothing was written since; the build replaces it with the mark only then.
 */
export interface OpenCommsPending {
  key: 'openCommsCurrent';
  pending: string;
}

export interface LensDB extends DBSchema {
  sources: { key: string; value: SourceRecord };
  snapshots: { key: string; value: SnapshotRecord };
  feedIncidents: {
    key: string;
    value: FeedIncidentRecord;
    indexes: { 'by-source': string; 'by-active': number };
  };
  sites: { key: string; value: SiteRecord };
  incidents: {
    key: string;
    value: IncidentRecord;
    /** `by-resolved` holds resolved incidents only (open ones have no `resolvedAt`). */
    indexes: { 'by-status': string; 'by-resolved': number };
  };
  /** Timelines in chunks, keyed [incidentId, at, id, n]: one incident's events in time order. */
  timeline: { key: ChunkKey; value: TimelineChunkRecord };
  drafts: { key: string; value: DraftRecord; indexes: { 'by-incident': string } };
  reviews: { key: string; value: ReviewRecord; indexes: { 'by-incident': string } };
  settings: { key: string; value: SettingRecord };
  notified: { key: string; value: NotifiedRecord; indexes: { 'by-at': number } };
  copiedReplies: { key: string; value: CopiedReplyRecord };
  marks: { key: string; value: TeamMarkRecord };
  summaries: {
    key: string;
    value: SummaryRecord;
    indexes: { 'by-order': [number, number, string] };
  };
  commsTallies: { key: string; value: TallyRecord; indexes: { 'by-resolved': number } };
  /**
   * v8: the stored tallies summed per UTC month (core/review/comms-totals.ts), with the tallies;
   * v10: edge tallies within 12/14 hours of the edges, packed (`packedEdge`).
   */
  commsTotals: { key: string; value: StoredTotals };
  /** v8: every review's action items, in the dashboard's order (`by-order`). */
  actionItems: {
    key: [string, string];
    value: ActionItemRecord;
    indexes: { 'by-order': [number, number, string, string] };
  };
  /** v8: the action items' completion summed per UTC month of their due date, with the items. */
  itemTotals: { key: string; value: CompletionTotals };
  /** v10: the dashboard's trust mark and item count (db/dashboard-state.ts). */
  dashboardState: { key: string; value: DashboardStateRecord };
  /** v11: each open incident's stamp and tally for the reviews dashboard (db/open-comms.ts). */
  openComms: { key: string; value: OpenCommsRecord };
}

/** The name of one store (`keyof LensDB` would be `string`: DBSchema has an index signature). */
export type StoreName = StoreNames<LensDB>;

/**
 * The stores a backup carries (and an import writes): all but the derived, machine-local ones;
 * a timeline as its events one by one (`events`, as backups were always written) instead of the
 * chunks it is stored in.
 */
export type BackupStore =
  | Exclude<
      StoreName,
      | 'summaries'
      | 'commsTallies'
      | 'timeline'
      | 'commsTotals'
      | 'actionItems'
      | 'itemTotals'
      | 'dashboardState'
      | 'openComms'
    >
  | 'events';
