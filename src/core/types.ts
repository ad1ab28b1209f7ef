/**
 * The shared domain model. Every shell (extension, widgets, demo) speaks these types.
 * Times are epoch milliseconds (numbers), so records serialise to JSON and IndexedDB unchanged.
 * Extend freely; do not rename or remove fields — the DB schema and the widgets depend on them.
 */
import type { LintMessageId } from './lint-ids';
import type {
  CHANNELS,
  COMPONENT_STATUSES,
  INCIDENT_STATUSES,
  INDICATOR_RANKS,
  MAINTENANCE_STATUSES,
  TIMELINE_EVENT_TYPES,
  UNKNOWN,
} from './vocabulary';

/** SEV-1 (Critical) … SEV-4 (Low). */
export type Severity = 1 | 2 | 3 | 4;

/* ------------------------------------------------------------------ feed model */

/** Statuspage impact. Unknown strings from a feed are kept as `unknown`. */
export type Impact = (typeof INDICATOR_RANKS)[number];

/** Overall page indicator (`status.indicator`). */
export type Indicator = (typeof INDICATOR_RANKS)[number];

export type IncidentStatus = (typeof INCIDENT_STATUSES)[number] | typeof UNKNOWN;

export type MaintenanceStatus = (typeof MAINTENANCE_STATUSES)[number] | typeof UNKNOWN;

export type ComponentStatus = (typeof COMPONENT_STATUSES)[number] | typeof UNKNOWN;

/** A component as referenced by an incident or an update (`affected_components`). */
export interface ComponentRef {
  /** Statuspage component id (`code` in `affected_components`), when the feed gives one. */
  id?: string;
  name: string;
  oldStatus?: ComponentStatus;
  newStatus?: ComponentStatus;
}

export interface FeedUpdate {
  id: string;
  status: IncidentStatus | MaintenanceStatus;
  /** Plain text: HTML tags stripped, entities decoded, `\r\n` normalised to `\n`, length capped. */
  body: string;
  createdAt: number;
  /** When the update is shown as posted (may precede createdAt for backfilled updates). */
  displayAt: number;
  updatedAt?: number;
  affectedComponents: ComponentRef[];
}

export interface FeedIncident {
  id: string;
  kind: 'incident' | 'maintenance';
  name: string;
  status: IncidentStatus | MaintenanceStatus;
  impact: Impact;
  /** Nearest SEV level for the impact (critical→1, major→2, minor→3, none→4); null for maintenance/unknown. */
  severity: Severity | null;
  createdAt: number;
  updatedAt: number;
  startedAt?: number;
  monitoringAt?: number;
  /** Set when resolved/completed; may be undefined even for a resolved incident (real feeds do that). */
  resolvedAt?: number;
  scheduledFor?: number;
  scheduledUntil?: number;
  /** https only; anything else is dropped. */
  shortlink?: string;
  pageId?: string;
  /** Components on the incident itself (may be empty; some feeds omit it). */
  components: ComponentRef[];
  /** Newest first (by displayAt, then createdAt). */
  updates: FeedUpdate[];
}

export interface FeedComponent {
  id: string;
  name: string;
  status: ComponentStatus;
  description?: string;
  groupId: string | null;
  isGroup: boolean;
  /** Child component ids, for groups. */
  children: string[];
  position?: number;
  showcase?: boolean;
  onlyShowIfDegraded?: boolean;
}

export interface FeedPage {
  id?: string;
  name?: string;
  /** https only. */
  url?: string;
  timeZone?: string;
  updatedAt?: number;
}

/** One normalized model for every Statuspage v2 (or compatible) payload. */
export interface Feed {
  page: FeedPage;
  /** `unknown` when the payload carried no status block (e.g. incidents.json). */
  indicator: Indicator;
  description: string;
  /** Incidents, newest first. Includes resolved ones when the payload listed them. */
  incidents: FeedIncident[];
  maintenances: FeedIncident[];
  components: FeedComponent[];
}

export type PayloadKind =
  'summary' | 'status' | 'components' | 'incidents' | 'incident' | 'maintenances' | 'unknown';

/** A problem described for people: what views show and what the extension stores. */
export interface FeedProblem {
  /** JSON path of the offending value, e.g. `incidents[2].incident_updates[0].created_at`. */
  path: string;
  message: string;
}

/**
 * What the parser found wrong, as a code (`describeProblem` turns it into a FeedProblem):
 * - `value` a word outside a closed set (read as `unknown`); `date` not an ISO date;
 *   `link` not an https link (dropped); `list`, `string`, `object` the wrong type;
 * - `cut` a string over `got` characters (cut); `items` a list over the cap: `got` is
 *   `{ total, kept, dropped }` and `dropped` names the first items left out;
 * - `dropped` an item with no id and no name; `id` an id was derived; `dup` a duplicate id
 *   (`got`); `name` no name; `time` no usable date; `unreadable` a value that threw;
 * - `json` text that is not JSON (`got` is the text); `payload` not a Statuspage payload;
 *   `more` `got` more problems were not listed.
 */
export type ProblemCode =
  | 'value'
  | 'date'
  | 'link'
  | 'list'
  | 'string'
  | 'object'
  | 'cut'
  | 'items'
  | 'dropped'
  | 'id'
  | 'dup'
  | 'name'
  | 'time'
  | 'unreadable'
  | 'json'
  | 'payload'
  | 'more'
  | 'window';

export interface ParseProblem {
  /** JSON path of the offending value, e.g. `incidents[2].incident_updates[0].created_at`. */
  path: string;
  code: ProblemCode;
  /** The offending value (as found, not copied), a count for `cut` and `more`, the counts for `items`. */
  got?: unknown;
  /** For `items`: the names (else ids) of the first items dropped, most important first. */
  dropped?: string[];
}

export interface ParseResult {
  kind: PayloadKind;
  feed: Feed;
  problems: ParseProblem[];
}

/* ------------------------------------------------------------------ policy */

export type Channel = (typeof CHANNELS)[number];

export type TimelineEventType = (typeof TIMELINE_EVENT_TYPES)[number];

export interface ObligationRule {
  /** Stable id, unique within a level, e.g. `status_page`. */
  id: string;
  label: string;
  channel: Channel;
  /** What the deadline is measured from. */
  anchor: 'classified' | 'resolved';
  /** Minutes after the anchor (0 = now). */
  dueMinutes: number;
  /** Recurs every N minutes after the last event that met it, while the incident is open. */
  repeatEveryMinutes?: number;
  /** Event types that meet this obligation (besides `obligation_met` with this id). */
  metBy: TimelineEventType[];
  /** Only applies when the incident has this property. */
  onlyIf?: 'publicly_visible' | 'commonly_used';
  /** A standing duty with no deadline (e.g. "in-app banner while open"): shown, never overdue. */
  standing?: boolean;
}

export interface SeverityLevel {
  severity: Severity;
  name: string;
  /** Plain-language criteria, as in docs/policy.md. */
  criteria: string[];
  obligations: ObligationRule[];
}

export interface Policy {
  version: number;
  name: string;
  /** An obligation is "due soon" this many minutes before its deadline. */
  dueSoonMinutes: number;
  /** Status-page update cadence while open, minutes. */
  updateCadenceMinutes: number;
  /** Post-mortem deadline after resolution, hours. */
  postmortemHours: number;
  /** Where the classifier draws its lines; absent in policies saved before it existed (the domain's 10%). */
  classification?: ClassificationThresholds;
  levels: SeverityLevel[];
}

/** The classifier's policy figures. */
export interface ClassificationThresholds {
  /**
   * The share of active users (percent, 0 < x < 100) above which a significant feature's outage is SEV-2,
   * and at or below which an impact is contained (SEV-3/4). The domain's figure is 10.
   */
  widespreadPercent: number;
}

export interface PolicyProblem {
  path: string;
  message: string;
}

/**
 * Which rule validatePolicy found broken: views word each in the user's language (the English
 * `message` stays for imports, logs and the team server), `args` are its figures.
 */
export type PolicyCode =
  | 'object'
  | 'text'
  | 'positive'
  | 'notNegative'
  | 'percent'
  | 'version'
  | 'oneOf'
  | 'list'
  | 'eventType'
  | 'boolean'
  | 'standingRepeat'
  | 'resolvedRepeat'
  | 'cadence'
  | 'postmortemMinutes'
  | 'labelNumber'
  | 'anchorResolved'
  | 'duplicateId'
  | 'severity'
  | 'duplicateSeverity'
  | 'missingLevel';

/** A problem validatePolicy reports: where, the English words, and the rule for other languages. */
export interface PolicyRuleProblem extends PolicyProblem {
  code: PolicyCode;
  args: (string | number)[];
}

/* ------------------------------------------------------------------ classification */

export type FeatureCriticality = 'critical' | 'significant' | 'non_critical';

/** Impact answers; `undefined` means "don't know yet". */
export interface ImpactAnswers {
  noUserCanAccessCore?: boolean;
  dataIntegrityBreach?: boolean;
  /** 0..100 */
  percentUsersAffected?: number;
  featureCriticality?: FeatureCriticality;
  brokenForAllEnterprise?: boolean;
  workaroundKnown?: boolean;
  publiclyVisible?: boolean;
  commonlyUsed?: boolean;
}

export interface Classification {
  severity: Severity;
  /** The rules that fired, in plain words. */
  reasons: string[];
  /** Questions left unanswered that pushed the result up. */
  assumed: string[];
}

/**
 * One rule that fired, as data: a stable `code` and the values its sentence needs. `classify`
 * writes these as the English `reasons`; views may write them in the UI language instead.
 */
export type ClassificationReason =
  | { code: 'no_core_access' }
  | { code: 'data_breach' }
  | { code: 'wide_impact_significant'; percent: number; threshold: number }
  | { code: 'wide_impact_critical'; percent: number; threshold: number }
  | { code: 'enterprise_critical' }
  | { code: 'unknown_could_be'; severity: 1 | 2 }
  | { code: 'minor_with_workaround'; percent: number }
  | { code: 'isolated'; percent: number; threshold: number }
  | { code: 'non_critical_feature' }
  | { code: 'no_higher_criterion' };

/** One unanswered question assumed the severe way (the English sentences are `classify`'s `assumed`). */
export type ClassificationAssumption =
  | 'no_core_access'
  | 'data_breach'
  | 'over_threshold'
  | 'feature_significant'
  | 'feature_critical'
  | 'all_enterprise'
  | 'no_workaround'
  | 'widespread';

/** `Classification` as codes: what `classify` says, before it is put into English words. */
export interface ClassificationExplained {
  severity: Severity;
  reasons: ClassificationReason[];
  assumed: ClassificationAssumption[];
  /** The threshold it classified with, which the `over_threshold` assumption names. */
  widespreadPercent: number;
}

/* ------------------------------------------------------------------ incidents and timelines */

export interface TimelineEdit {
  editedAt: number;
  previousAt: number;
  reason: string;
}

export interface TimelineEvent {
  id: string;
  type: TimelineEventType;
  at: number;
  /** For classified / reclassified. */
  severity?: Severity;
  /** For obligation_met. */
  obligationId?: string;
  /**
   * For a posted update: the next update time it promised (epoch ms). The cadence duty is then due
   * at that promise when it is earlier than the cadence.
   */
  nextUpdateAt?: number;
  /** Free text: a note, an override reason, the posted message. */
  text?: string;
  /** Who recorded it (free text). */
  by?: string;
  edits?: TimelineEdit[];
}

/** What the obligation engine needs to know about an incident. */
export interface ObligationIncident {
  events: readonly TimelineEvent[];
  /** Unanswered (`undefined`) counts as visible: obligations that depend on it still apply. */
  publiclyVisible?: boolean;
  /** Unanswered (`undefined`) counts as commonly used. */
  commonlyUsed?: boolean;
}

export type ObligationState =
  | 'met'
  | 'met_late'
  | 'upcoming'
  | 'due_soon'
  | 'overdue'
  | 'standing'
  /** A standing duty never met while the incident was open (so the review sees it). */
  | 'missed'
  | 'not_applicable';

export interface ObligationStatus {
  ruleId: string;
  label: string;
  channel: Channel;
  state: ObligationState;
  /** When the anchor happened (classification, reclassification, last update, resolution). */
  anchorAt: number | null;
  dueAt: number | null;
  metAt?: number;
  /** For recurring obligations: which occurrence (1-based). */
  occurrence?: number;
  /** For recurring obligations: when the previous occurrence was met (the cadence runs from here). */
  lastMetAt?: number;
  /** For recurring obligations: the policy's cadence, minutes (a promise may make one due sooner). */
  everyMinutes?: number;
  /** Why not applicable, in plain words. */
  note?: string;
  /**
   * Set on a duty of an earlier severity that was already overdue when the severity changed: it is
   * still owed under the new level (a downgrade does not make a missed deadline vanish).
   */
  fromSeverity?: Severity;
  /**
   * Set when the duty applies only under a condition of the policy (`onlyIf`) nobody answered for
   * this incident: it is assumed to apply, and the views say it is conditional, not plainly due.
   */
  onlyIf?: 'publicly_visible' | 'commonly_used';
  /**
   * Set (by `markBeforeWatch`, notify.ts) on a deadline that had already passed when the incident
   * was first seen: shown as such, never as "overdue by 206 days", and never notified.
   */
  beforeWatch?: 'source_added' | 'first_seen';
}

/* ------------------------------------------------------------------ lints (comms and reviews) */

export type LintCode =
  | 'missing_element'
  | 'next_update_too_late'
  | 'next_update_in_past'
  | 'promised_resolution_time'
  | 'blaming_language'
  | 'vague_action'
  | 'missing_owner'
  | 'missing_due_date'
  | 'due_date_past'
  | 'why_stops_at_person'
  | 'too_many_whys'
  | 'unvalidated_timeline'
  /** A public title carrying internal detail (hosts, tickets, severity labels) or the internal title. */
  | 'internal_detail'
  | 'title_too_long';

/**
 * One finding about a message or a review. `start`/`end` are UTF-16 offsets into the linted text
 * (end exclusive) so a view can highlight the span; `suggestion` is a systemic rewording hint.
 */
export interface Lint {
  code: LintCode;
  /** English, as the core has always written it (tests and stored text rely on it). */
  message: string;
  /**
   * Which sentence `message` (and `suggestion`) is, for showing it in another language; absent on
   * lints made before ids existed or by hand. The ids and their params are listed in `lint-ids.ts`.
   */
  messageId?: LintMessageId;
  /** The values `message` quotes, in the order `lint-ids.ts` gives for `messageId`. */
  params?: readonly (string | number)[];
  level: 'error' | 'warning';
  start?: number;
  end?: number;
  suggestion?: string;
}
