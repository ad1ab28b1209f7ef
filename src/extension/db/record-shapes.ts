import { EVENT_TYPES, validatePolicy } from '../../core/policy';
import { FORMATS } from '../../core/feed/formats';
import { duplicateItemId } from '../../core/review/item-ids';
import { feed, feedIncident, problem, severity } from './feed-shapes';
import { arr, bool, both, dict, nullable, num, obj, oneOf, opt, str, type Check } from './shape';
import type { BackupStore } from './schema';

/** Shapes of every record kind, per store, for validating a backup before anything is written. */

const timelineEvent = {
  id: str,
  type: oneOf(...EVENT_TYPES),
  at: num,
  severity: opt(severity),
  obligationId: opt(str),
  nextUpdateAt: opt(num),
  text: opt(str),
  by: opt(str),
  edits: opt(arr(obj({ editedAt: num, previousAt: num, reason: str }))),
};

const policy: Check = (v, path) => {
  const p = validatePolicy(v).problems[0];
  return p ? `${path}${p.path ? `.${p.path}` : ''}: ${p.message}` : null;
};

/**
 * A review's action items each need their own id (core/review/item-ids.ts). A backup is refused,
 * as one with two records under one key is: it is checked whole before anything is written, so
 * nothing is half-imported, and the message names what to correct in the file.
 */
const uniqueItemIds: Check = (v, path) => {
  const review = v as ActionItemsOf;
  const dup = duplicateItemId(review);
  return dup
    ? `${path}.actionItems[${dup.index}].id: the review ${JSON.stringify(review.title)} has two action items with the id ${JSON.stringify(dup.id)}; each needs its own.`
    : null;
};
type ActionItemsOf = Parameters<typeof duplicateItemId>[0] & { title: string };

const SETTING_VALUES: Record<string, Check> = {
  policy,
  templates: dict(str),
  notifications: dict(bool),
  locale: str,
  statuspage: nullable(obj({ pageId: str, apiKey: str, apiBase: str })),
  resolvedKeepMinutes: num,
};

/**
 * A feed URL a backup may carry: http(s), parseable, no credentials in it. (A backup is untrusted:
 * the URL is fetched with the extension's host access.)
 */
export function feedUrlProblem(s: string): string | null {
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return 'is not a valid URL';
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return 'must be an http(s) URL';
  if (u.username || u.password) return 'must not hold a user name or password';
  return null;
}

/**
 * The one kind of site pattern the extension itself makes: a single http(s) origin,
 * `https://host/*` or `https://host:port/*`. No wildcard host, no `<all_urls>`, no path: a backup
 * must not register the overlay anywhere the agent did not turn it on, nor hand Chrome a pattern it
 * rejects after the data was already replaced (issue 16 #4).
 */
const SITE_PATTERN =
  /^(https?):\/\/([a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::(\d{1,5}))?\/\*$/;

export function sitePatternProblem(pattern: string, origin: string): string | null {
  const m = SITE_PATTERN.exec(pattern);
  if (!m) return `must be one http(s) origin like "https://help.example.com/*"`;
  let o: URL;
  try {
    o = new URL(origin);
  } catch {
    return 'has an origin that is not a URL';
  }
  if (`${m[1]}:` !== o.protocol || m[2] !== o.hostname) return 'does not match its origin';
  if (m[3] !== undefined && (Number(m[3]) > 65535 || m[3] !== o.port))
    return 'has a port that does not match its origin';
  return null;
}

const setting: Check = (v, path) => {
  const e = obj({ key: oneOf(...Object.keys(SETTING_VALUES)) })(v, path);
  if (e) return e;
  const { key, value } = v as { key: string; value: unknown };
  return SETTING_VALUES[key]!(value, `${path}.value`);
};

/** The shape each store's records must have. */
export const RECORD_SHAPES: Record<BackupStore, Check> = {
  sources: obj({
    id: str,
    name: str,
    url: (v, path) =>
      str(v, path) ?? (feedUrlProblem(v as string) && `${path}: ${feedUrlProblem(v as string)}`),
    pollSeconds: num,
    enabled: bool,
    createdAt: num,
    etag: opt(str),
    lastModified: opt(str),
    lastPollAt: opt(num),
    lastOkAt: opt(num),
    failures: num,
    nextPollAt: num,
    lastError: opt(str),
    lastProblems: opt(arr(problem)),
    format: opt(oneOf(...FORMATS)),
    detectedFormat: opt(oneOf(...FORMATS)),
    headers: opt(dict(str)),
    warning: opt(str),
    pollLease: opt(obj({ id: str, until: num })),
    managed: opt(bool),
  }),
  snapshots: obj({ sourceId: str, feed, fetchedAt: num, listsIncidents: opt(bool) }),
  feedIncidents: obj({
    key: str,
    sourceId: str,
    incident: feedIncident,
    active: oneOf(0, 1),
    firstSeenAt: num,
    lastSeenAt: num,
    severities: opt(arr(obj({ severity: nullable(severity), at: num }))),
    done: opt(arr(obj({ obligationId: str, at: num }))),
    support: opt(
      arr(
        obj({
          kind: oneOf('ticket_matched', 'reply_copied', 'reply_inserted'),
          at: num,
          ticket: opt(str),
          openedAt: opt(num),
        }),
      ),
    ),
  }),
  sites: both(
    obj({
      pattern: str,
      origin: str,
      enabled: bool,
      addedAt: num,
      corner: oneOf('top-left', 'top-right', 'bottom-left', 'bottom-right'),
      revoked: opt(bool),
      managed: opt(bool),
      replyLanguage: opt(oneOf('en', 'de')),
      ticketLanguages: opt(dict(oneOf('en', 'de'))),
    }),
    (v, path) => {
      const { pattern, origin } = v as { pattern: string; origin: string };
      const p = sitePatternProblem(pattern, origin);
      return p && `${path}.pattern: ${JSON.stringify(pattern)} ${p}`;
    },
  ),
  incidents: obj({
    id: str,
    title: str,
    components: arr(str),
    publiclyVisible: bool,
    commonlyUsed: opt(bool),
    policy: opt(policy),
    startedAt: num,
    declaredAt: num,
    status: oneOf('open', 'resolved', 'cancelled'),
    severity: nullable(severity),
    answers: opt(
      dict((v, p) =>
        ['boolean', 'number', 'string'].includes(typeof v) ? null : `${p}: bad answer`,
      ),
    ),
    linked: opt(obj({ sourceId: str, incidentId: str })),
    statuspageIncidentId: opt(str),
    statuspageShortlink: opt(str),
    statuspageComponents: opt(dict(str)),
    statuspageCreatePendingAt: opt(num),
    publicTitle: opt(str),
    cancelledAt: opt(num),
    resolvedAt: opt(num),
    reviewSkipped: opt(obj({ reason: str, at: num })),
    updatedAt: num,
  }),
  events: obj({ ...timelineEvent, incidentId: str }),
  drafts: obj({ key: str, incidentId: str, kind: str, fields: dict(str), updatedAt: num }),
  reviews: both(
    obj({
      id: str,
      incidentId: str,
      title: str,
      createdAt: num,
      updatedAt: num,
      publishedAt: opt(num),
      timeline: arr(obj({ id: str, at: num, text: str, validatedBy: opt(str) })),
      impact: obj({
        customersAffected: opt(num),
        durationMinutes: opt(num),
        arrAtRisk: opt(num),
        accounts: arr(obj({ name: str, arr: num })),
      }),
      whys: arr(str),
      rootCause: opt(str),
      mitigations: arr(str),
      actionItems: arr(
        obj({
          id: str,
          description: str,
          owner: str,
          dueAt: opt(num),
          status: oneOf('open', 'done', 'wont_do'),
          createdAt: num,
          doneAt: opt(num),
          statusChangedAt: opt(num),
          toDefine: opt(bool),
        }),
      ),
      rootCauseForm: opt(oneOf('whys', 'factors')),
      factors: opt(arr(obj({ id: str, description: str, evidence: str, actionItemIds: arr(str) }))),
      participants: arr(str),
      summary: opt(str),
    }),
    uniqueItemIds,
  ),
  settings: setting,
  notified: obj({
    key: str,
    at: num,
    state: opt(oneOf('pending', 'shown', 'held')),
    scope: opt(str),
  }),
  copiedReplies: obj({ key: str, updateId: str, text: str, copiedAt: num }),
  marks: obj({
    id: str,
    feedUrl: str,
    incidentId: str,
    obligationId: str,
    at: num,
    author: obj({ name: str, display: str }),
  }),
};

/** The key path of each store: a backup must not hold two records with the same key. */
export const KEY_PATHS: Record<BackupStore, string> = {
  sources: 'id',
  snapshots: 'sourceId',
  feedIncidents: 'key',
  sites: 'pattern',
  incidents: 'id',
  events: 'id',
  drafts: 'key',
  reviews: 'id',
  settings: 'key',
  notified: 'key',
  copiedReplies: 'key',
  marks: 'id',
};
