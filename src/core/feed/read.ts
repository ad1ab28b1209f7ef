/**
 * How the feed parsers read untrusted JSON. Shared by `parseFeed` (every Statuspage payload, every
 * field) and `parseSummary` (what a banner and a badge need).
 *
 * Defensive by construction: every read goes through `own()`, so inherited properties
 * (`__proto__`, `constructor`, getters on a prototype) are never consulted, and nothing is ever
 * copied from the input by spread or `Object.assign`. Strings, lists and the problem list itself
 * are capped; anything odd becomes a `problem` with its JSON path; each list item is parsed in
 * isolation, so one bad (or throwing) item only loses itself.
 */
import type {
  ComponentRef,
  ComponentStatus,
  Feed,
  FeedComponent,
  FeedIncident,
  FeedUpdate,
  Indicator,
  ParseProblem,
  ParseResult,
  PayloadKind,
  ProblemCode,
} from '../types';
import { COMPONENT_STATUSES, INDICATOR_RANKS, UNKNOWN, isOneOf } from '../vocabulary';
import {
  ALL_STATUSES,
  DONE,
  MAINTENANCE_STATUSES,
  impactToSeverity,
  newestUpdateFirst,
} from './levels';
import { BIDI_CONTROLS, htmlToText } from './text';
import { isObj } from '../validate';

export type Obj = Record<string, unknown>;

/** Default cap for names, ids and other short strings, in UTF-16 units. */
export const DEFAULT_MAX_STRING_LENGTH = 2_000;
/** Default cap for an update's body (as plain text). */
export const DEFAULT_MAX_BODY_LENGTH = 10_000;
/** Default cap for every list: incidents, updates, components… */
export const DEFAULT_MAX_ITEMS = 500;
/** The largest cap an option may set. */
const MAX_CAP = 1_000_000_000;
/** The most problems one parse lists; the rest are counted in one last `more` entry. */
const MAX_PROBLEMS = 200;
const MAX_LINK_LENGTH = 2_048;
/** An ISO 8601 date with offset and fraction fits in 40 characters; a longer string is not one. */
const MAX_DATE_LENGTH = 40;
/** Markup shrinks when stripped, so a body's raw text is read up to this many times its cap. */
const MARKUP_ALLOWANCE = 4;
/** How many dropped items a cap problem names (the console line stays readable). */
const MAX_DROPPED_NAMES = 20;
/** How long a dropped item's name may be in that list. */
const DROPPED_NAME_LENGTH = 80;
/** An entity cut short at the end of a raw cut: "&" and up to 9 characters, no ";". */
const TRAILING_ENTITY = /&[^&;]{0,9}$/;
/** Calendar date at the start: `Date.parse` alone accepts "1" or "May 5". */
const ISO_DATE = /^\d{4}-\d\d-\d\d/;
/** A date and a time with no zone ("2024-05-01 10:00:00", "2024-05-01T10:00"). */
const ZONELESS = /^\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?$/i;
/** An absolute https URL with a host and nothing that could break out of an attribute. */
const HTTPS = /^https:\/\/[^/?#\0- \x7f"'<>\\][^\0- \x7f"'<>\\]*$/i;
const FIRST_HIGH_SURROGATE = 0xd800;
const LAST_HIGH_SURROGATE = 0xdbff;

/** The caps of one parse. */
export interface Limits {
  maxString: number;
  maxBody: number;
  maxItems: number;
}

/** Options for the parsers (each cap a number ≥ 1; anything else means the default). */
export interface ParseOptions {
  /** Cap for names, ids and other short strings (default 2,000). */
  maxStringLength?: number;
  /** Cap for update bodies (default 10,000, or maxStringLength if that is larger). */
  maxBodyLength?: number;
  /**
   * Cap for every list: incidents, updates, components… (default 500). Over it, the open, most
   * severe and most recent items are kept; the problem names what was dropped.
   */
  maxItems?: number;
}

/** One parse's caps and the problems found so far. */
export interface Reader {
  limits: Limits;
  problems: ParseProblem[];
  /** Problems found, listed or not. */
  found: number;
}

const cap = (v: number | undefined, fallback: number): number =>
  typeof v === 'number' && v >= 1 ? Math.floor(Math.min(v, MAX_CAP)) : fallback;

export function createReader(options: ParseOptions = {}): Reader {
  const maxString = cap(options.maxStringLength, DEFAULT_MAX_STRING_LENGTH);
  return {
    limits: {
      maxString,
      maxBody: cap(options.maxBodyLength, Math.max(DEFAULT_MAX_BODY_LENGTH, maxString)),
      maxItems: cap(options.maxItems, DEFAULT_MAX_ITEMS),
    },
    problems: [],
    found: 0,
  };
}

/**
 * Records a problem (`describeProblem` words it). Past MAX_PROBLEMS it only counts, so a hostile
 * feed cannot flood. Returns undefined, so a failed read can `return note(…)`.
 */
export function note(
  r: Reader,
  path: string,
  code: ProblemCode,
  got?: unknown,
  dropped?: string[],
): undefined {
  r.found++;
  if (r.found <= MAX_PROBLEMS)
    r.problems.push(dropped ? { path, code, got, dropped } : { path, code, got });
  return undefined;
}

/** The problems, with one last entry counting those not listed. */
export function problemsOf(r: Reader): ParseProblem[] {
  const unlisted = r.found - MAX_PROBLEMS;
  return unlisted > 0 ? [...r.problems, { path: '', code: 'more', got: unlisted }] : r.problems;
}

/** Runs `fn(path)`, turning a throw (hostile getter, Proxy) into a problem. */
export function guard(r: Reader, path: string, fn: (path: string) => unknown): void {
  try {
    fn(path);
  } catch {
    note(r, path, 'unreadable');
  }
}

/** True for a non-null, non-array object (the one definition, in core/validate.ts). */
export { isObj };
/** Reads an own property only; inherited and prototype keys read as undefined. */
export const own = (o: Obj, key: string): unknown => (Object.hasOwn(o, key) ? o[key] : undefined);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const join = (path: string, key: string): string => (path ? `${path}.${key}` : key);
/** `scheduled_for` → `scheduledFor`. */
const camelCase = (key: string): string => key.replace(/_(.)/g, (_, c: string) => c.toUpperCase());

const isHighSurrogate = (code: number): boolean =>
  code >= FIRST_HIGH_SURROGATE && code <= LAST_HIGH_SURROGATE;

/** Cuts `s` to at most `max` (≥ 1) UTF-16 units, ending in "…", never splitting a pair. */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max - 1;
  if (isHighSurrogate(s.charCodeAt(end - 1))) end--;
  return s.slice(0, end) + '…';
}

/**
 * A short stable hash (djb2, kept below 2³²) so a derived id survives re-fetches: dismissals key
 * on it.
 */
export function hash(s: string): string {
  const MODULUS = 2 ** 32;
  let h = 5381;
  for (let i = 0; i < s.length; i++) h = (h * 33 + s.charCodeAt(i)) % MODULUS;
  return h.toString(36);
}

/* ------------------------------------------------------------------ field readers */

/**
 * Reads one present value (never null or absent) found at `path`; returns undefined (after
 * noting a problem) when it is unusable.
 */
export type FieldReader = (r: Reader, value: unknown, path: string) => unknown;

/** A word from a closed set: another string reads `unknown` (a problem), a non-string too. */
const word =
  (words: readonly string[]): FieldReader =>
  (r, v, path) => {
    if (typeof v !== 'string') return note(r, path, 'string', v) ?? UNKNOWN;
    return isOneOf(words, v) ? v : (note(r, path, 'value', v) ?? UNKNOWN);
  };

/** Incident and maintenance statuses. */
export const status = word(ALL_STATUSES);
/** Incident impacts and page indicators. */
export const impact = word(INDICATOR_RANKS.filter((w) => w !== UNKNOWN));
export const componentStatus = word(COMPONENT_STATUSES);

/**
 * A short string (names, ids): one line without bidi controls (`text.ts`), trimmed, capped.
 * Numbers are kept as text (incident.io ids).
 */
export const text: FieldReader = (r, v, path) => {
  if (isNumber(v)) return String(v);
  if (typeof v !== 'string') return note(r, path, 'string', v);
  const max = r.limits.maxString;
  // Only a bounded prefix is cleaned: the rest is cut anyway.
  const line = v
    .slice(0, max + 1)
    .replace(/[\r\n\t]+/g, ' ')
    .replace(BIDI_CONTROLS, '')
    .trim();
  if (v.length <= max) return line;
  note(r, path, 'cut', max);
  return clip(line, max);
};

/** An update body: HTML to plain text, capped. */
export const body: FieldReader = (r, v, path) => {
  if (typeof v !== 'string') return note(r, path, 'string', v);
  const max = r.limits.maxBody;
  const rawMax = max * MARKUP_ALLOWANCE;
  const long = v.length > rawMax;
  let raw = v;
  if (long) {
    // A raw cut drops a half tag or entity at the end rather than showing it as text.
    raw = v.slice(0, rawMax);
    const lastOpen = raw.lastIndexOf('<');
    if (lastOpen > raw.lastIndexOf('>')) raw = raw.slice(0, lastOpen);
    raw = raw.replace(TRAILING_ENTITY, '');
  }
  const plain = htmlToText(raw);
  if (!long && plain.length <= max) return plain;
  note(r, path, 'cut', max);
  return clip(long ? plain + '…' : plain, max);
};

/**
 * An ISO 8601 date, as epoch ms; "" reads as absent. A date-time without a zone is UTC, as the
 * adapters read one (`formats/dates.ts`): `Date.parse` would take the zone of the machine, so the
 * same feed would give other instants in each user's browser.
 */
export const date: FieldReader = (r, v, path) => {
  if (v === '') return undefined;
  const t =
    typeof v === 'string' && v.length <= MAX_DATE_LENGTH && ISO_DATE.test(v)
      ? Date.parse(ZONELESS.test(v) ? `${v.slice(0, 10)}T${v.slice(11)}Z` : v)
      : NaN;
  return isNumber(t) ? t : note(r, path, 'date', v);
};

/** An absolute https link; http:, javascript:, data: and relative links are dropped. "" reads as absent. */
export const link: FieldReader = (r, v, path) => {
  if (v === '') return undefined;
  return typeof v === 'string' && v.length <= MAX_LINK_LENGTH && HTTPS.test(v)
    ? v
    : note(r, path, 'link', v);
};

/** true or false; anything else reads as absent. */
export const flag: FieldReader = (_r, v) => (typeof v === 'boolean' ? v : undefined);
/** A finite number; anything else reads as absent. */
export const number: FieldReader = (_r, v) => (isNumber(v) ? v : undefined);

/** Which fields to read: the JSON key (stored camelCased) and how to read it. */
export type Fields = readonly (readonly [key: string, read: FieldReader])[];

/** Reads one field of `o` (own property only); null and absent read as undefined. */
export function field(r: Reader, o: Obj, key: string, path: string, read: FieldReader): unknown {
  const v = own(o, key);
  return v == null ? undefined : read(r, v, join(path, key));
}

/** Reads `fields` of `o` into `target`, camelCased; absent values and "" are skipped. */
export function readFields<T extends object>(
  r: Reader,
  target: T,
  o: Obj,
  path: string,
  fields: Fields,
): T {
  for (const [key, read] of fields) {
    const v = field(r, o, key, path, read);
    if (v !== undefined && v !== '') (target as Obj)[camelCase(key)] = v;
  }
  return target;
}

/* ------------------------------------------------------------------ lists and their caps */

/** What a cap keeps first: a lower key sorts first. */
type KeepOrder = (item: Obj) => number[];

const rankOf = (v: unknown): number => INDICATOR_RANKS.indexOf(v as Indicator);
const MINOR_RANK = rankOf('minor');
/** A raw date as epoch ms, or the earliest time when it is missing or unreadable. */
const rawTime = (v: unknown): number => {
  const t = typeof v === 'string' ? Date.parse(v) : NaN;
  return Number.isFinite(t) ? t : -Infinity;
};

/**
 * Incidents and maintenances: open ones first, then the most severe (an unreadable impact counts
 * as minor, as in `effectiveIndicator`), then the most recently updated.
 */
export const keepIncidents: KeepOrder = (o) => [
  isOneOf(DONE, own(o, 'status')) ? 1 : 0,
  -Math.max(rankOf(own(o, 'impact')), MINOR_RANK),
  -rawTime(own(o, 'updated_at') ?? own(o, 'created_at')),
];
/** Updates: the newest first. */
const keepUpdates: KeepOrder = (o) => [-rawTime(own(o, 'display_at') ?? own(o, 'created_at'))];
/** Components: the worst status first. */
const keepComponents: KeepOrder = (o) => [
  -COMPONENT_STATUSES.indexOf(own(o, 'status') as Exclude<ComponentStatus, 'unknown'>),
];

/** How a dropped item is named in the cap problem: its name, else its id, else its position. */
function nameOf(item: unknown, index: number): string {
  const name = isObj(item) ? (own(item, 'name') ?? own(item, 'id')) : undefined;
  return typeof name === 'string' || isNumber(name)
    ? clip(String(name), DROPPED_NAME_LENGTH)
    : `#${index}`;
}

/**
 * The list at `o[key]`, at most `maxItems` long. Over the cap, `order` decides what is kept (ties
 * keep the feed's order), and the problem counts and names what was dropped.
 */
function list(
  r: Reader,
  o: Obj,
  key: string,
  path: string,
  order?: KeepOrder,
): { item: unknown; index: number }[] {
  const v = own(o, key);
  const at = join(path, key);
  if (v == null) return [];
  if (!Array.isArray(v)) return note(r, at, 'list', v) ?? [];
  const max = r.limits.maxItems;
  if (v.length <= max) return v.map((item: unknown, index) => ({ item, index }));
  const keyed = v.map((item: unknown, index) => {
    let sortKey: number[] = [];
    try {
      if (order && isObj(item)) sortKey = order(item);
    } catch {
      // a throwing getter: kept last, and reported when the item is parsed
      sortKey = [Infinity];
    }
    return { item, index, sortKey };
  });
  keyed.sort((a, b) => {
    for (let i = 0; i < Math.max(a.sortKey.length, b.sortKey.length); i++) {
      const d = (a.sortKey[i] ?? 0) - (b.sortKey[i] ?? 0);
      if (d) return d;
    }
    return a.index - b.index;
  });
  const dropped = keyed.slice(max);
  note(
    r,
    at,
    'items',
    { total: v.length, kept: max, dropped: dropped.length },
    dropped.slice(0, MAX_DROPPED_NAMES).map((d) => nameOf(d.item, d.index)),
  );
  // the kept items in the feed's order
  return keyed.slice(0, max).sort((a, b) => a.index - b.index);
}

/** Parses each object in the list `o[key]` (item paths `${path}.${key}[i]`), one by one. */
export function each<T>(
  r: Reader,
  o: Obj,
  key: string,
  path: string,
  parse: (item: Obj, path: string, index: number) => T | undefined,
  order?: KeepOrder,
  itemsPath = join(path, key),
): T[] {
  const out: T[] = [];
  for (const { item, index } of list(r, o, key, path, order))
    guard(r, `${itemsPath}[${index}]`, (p) => {
      const parsed = isObj(item) ? parse(item, p, index) : note(r, p, 'object', item);
      if (parsed !== undefined) out.push(parsed);
    });
  return out;
}

/* ------------------------------------------------------------------ the feed's parts */

/** Which fields a parser reads from each kind of object. */
export interface Profile {
  page: Fields;
  incident: Fields;
  update: Fields;
  component: Fields;
}

/** A feed with nothing in it: indicator unknown, empty lists. */
export function emptyFeed(): Feed {
  return {
    page: {},
    indicator: UNKNOWN,
    description: '',
    incidents: [],
    maintenances: [],
    components: [],
  };
}

/** In `affected_components`, the legacy placeholder without a code means "none". */
const NO_COMPONENTS = 'no components were affected';

/** A component in an incident's `components`, or in an update's `affected_components`. */
function componentRef(
  r: Reader,
  o: Obj,
  path: string,
  affected: boolean,
): ComponentRef | undefined {
  const id = field(r, o, affected ? 'code' : 'id', path, text) as string | undefined;
  const name = field(r, o, 'name', path, text) as string | undefined;
  if (id === undefined) {
    if (affected && (name === undefined || name.toLowerCase().startsWith(NO_COMPONENTS)))
      return undefined;
    if (name === undefined) return note(r, path, 'dropped');
  }
  const ref: ComponentRef = { name: name ?? id ?? '' };
  if (id !== undefined) ref.id = id;
  if (affected) {
    return readFields(r, ref, o, path, [
      ['old_status', componentStatus],
      ['new_status', componentStatus],
    ]);
  }
  const current = field(r, o, 'status', path, componentStatus) as ComponentStatus | undefined;
  if (current) ref.newStatus = current;
  return ref;
}

/** An incident update; times it lacks are filled in from its incident. */
function update(r: Reader, o: Obj, path: string, fallbackId: string, fields: Fields): FeedUpdate {
  const u = readFields(r, {} as FeedUpdate, o, path, fields);
  u.id ??= note(r, `${path}.id`, 'id') ?? fallbackId;
  u.status ??= UNKNOWN;
  u.body = (field(r, o, 'body', path, body) as string | undefined) ?? '';
  // displayAt falls back to createdAt in `incident`, once createdAt is final.
  u.createdAt ??= u.displayAt ?? (u.updatedAt as number);
  u.affectedComponents = each(r, o, 'affected_components', path, (c, p) =>
    componentRef(r, c, p, true),
  );
  return u;
}

/**
 * One incident or maintenance; dropped (with a problem) without an id or a name. `listed` is
 * 'maintenance' for items of `scheduled_maintenances`; otherwise a maintenance status or impact
 * makes one.
 */
export function incident(
  r: Reader,
  o: Obj,
  path: string,
  listed: FeedIncident['kind'] | undefined,
  profile: Profile,
): FeedIncident | undefined {
  const item = readFields(r, {} as FeedIncident, o, path, profile.incident);
  const { name, status: itemStatus = UNKNOWN, impact: itemImpact = UNKNOWN } = item;
  if (!item.id && !name) return note(r, path, 'dropped');
  item.id ??= note(r, `${path}.id`, 'id') ?? `x-${hash(`${name}|${String(own(o, 'created_at'))}`)}`;
  item.name ??= note(r, `${path}.name`, 'name') ?? '';
  item.kind =
    listed === 'maintenance' ||
    isOneOf(MAINTENANCE_STATUSES, itemStatus) ||
    itemImpact === 'maintenance'
      ? 'maintenance'
      : 'incident';
  item.status = itemStatus;
  item.impact = itemImpact;
  item.severity = impactToSeverity(itemImpact);
  // A window that ends before it starts (a typo, a slipped zone): which of the two is wrong is
  // unknown, and the start is what a maintenance is shown by, so the end goes, as if not given.
  if (item.scheduledUntil !== undefined && item.scheduledUntil < (item.scheduledFor ?? -Infinity)) {
    note(r, `${path}.scheduled_until`, 'window', own(o, 'scheduled_until'));
    delete item.scheduledUntil;
  }
  item.components = each(r, o, 'components', path, (c, p) => componentRef(r, c, p, false));
  const updates = (item.updates = each(
    r,
    o,
    'incident_updates',
    path,
    (u, p, i) => update(r, u, p, `${item.id}-u${i}`, profile.update),
    keepUpdates,
  ));
  // Created: as given, else the earliest update, else its start or scheduled start.
  let earliest = Infinity;
  for (const u of updates)
    earliest = Math.min(earliest, u.createdAt ?? earliest, u.displayAt ?? earliest);
  item.createdAt ??=
    earliest < Infinity
      ? earliest
      : (item.startedAt ??
        item.scheduledFor ??
        note(r, `${path}.created_at`, 'time') ??
        item.updatedAt ??
        0);
  let latest = item.createdAt;
  for (const u of updates) {
    u.createdAt ??= item.createdAt;
    u.displayAt ??= u.createdAt;
    latest = Math.max(latest, u.createdAt);
  }
  item.updatedAt ??= latest;
  updates.sort(newestUpdateFirst);
  // `resolved` with `resolved_at: null` (real feeds do this): use the closing update's time.
  const closing = isOneOf(DONE, itemStatus) && updates.find((u) => isOneOf(DONE, u.status));
  if (closing) item.resolvedAt ??= closing.displayAt;
  return item;
}

/** Adds an incident or maintenance to its list in `feed`. */
export function add(feed: Feed, item: FeedIncident | undefined): void {
  if (item) (item.kind === 'maintenance' ? feed.maintenances : feed.incidents).push(item);
}

/**
 * The `components` list. Group membership is taken from both directions (a group's `components`
 * ids and each child's `group_id`) so either alone suffices.
 */
export function components(r: Reader, o: Obj, fields: Fields): FeedComponent[] {
  const byId = new Map<string, FeedComponent>();
  const { maxItems, maxString } = r.limits;
  each(
    r,
    o,
    'components',
    '',
    (c, path) => {
      const comp = readFields(r, {} as FeedComponent, c, path, fields);
      const { id = comp.name } = comp;
      if (!id) return note(r, path, 'dropped');
      if (!comp.id) note(r, `${path}.id`, 'id');
      if (byId.has(id)) return note(r, `${path}.id`, 'dup', id);
      const childIds = own(c, 'components');
      comp.children = (Array.isArray(childIds) ? childIds.slice(0, maxItems) : [])
        .filter((v) => typeof v === 'string' || isNumber(v))
        .map(String)
        .filter((v) => v.length <= maxString);
      comp.id = id;
      comp.name ??= id;
      comp.status ??= UNKNOWN;
      comp.groupId ??= null;
      comp.isGroup = own(c, 'group') === true || comp.children.length > 0;
      byId.set(id, comp);
    },
    keepComponents,
  );
  const all = [...byId.values()];
  for (const c of all) {
    const group = byId.get(c.groupId as string);
    if (group && group !== c) {
      group.isGroup = true;
      if (!group.children.includes(c.id)) group.children.push(c.id);
    }
  }
  return all;
}

/** Decides the payload kind from which top-level lists and blocks are present. */
export function detectKind(o: Obj): PayloadKind {
  const hasIncidents = Array.isArray(own(o, 'incidents'));
  const hasMaintenances = Array.isArray(own(o, 'scheduled_maintenances'));
  const hasComponents = Array.isArray(own(o, 'components'));
  const statusValue = own(o, 'status');
  const hasStatusBlock = isObj(statusValue);
  if (
    (hasIncidents || hasMaintenances) &&
    (hasComponents || hasStatusBlock || (hasIncidents && hasMaintenances))
  )
    return 'summary';
  if (hasIncidents) return 'incidents';
  if (hasMaintenances) return 'maintenances';
  // A single incident, bare or unwrapped from `{ "incident": {...} }`.
  if (
    Object.hasOwn(o, 'incident_updates') ||
    (typeof statusValue === 'string' && (Object.hasOwn(o, 'impact') || Object.hasOwn(o, 'name')))
  )
    return 'incident';
  if (hasComponents) return 'components';
  if (hasStatusBlock) return 'status';
  return 'unknown';
}

/**
 * Reads the parts of a summary-like object into `feed`: `page` (from `root`, where Statuspage
 * puts it), the `status` block, `components`, `incidents` and `scheduled_maintenances`.
 */
export function readSummary(r: Reader, feed: Feed, root: Obj, o: Obj, profile: Profile): void {
  guard(r, 'page', (path) => {
    const page = own(root, path);
    if (isObj(page)) feed.page = readFields(r, {}, page, path, profile.page);
    else if (page != null) note(r, path, 'object', page);
  });
  guard(r, 'status', (path) => {
    const block = own(o, path);
    if (isObj(block)) {
      feed.indicator = (field(r, block, 'indicator', path, impact) ?? UNKNOWN) as Indicator;
      feed.description = (field(r, block, 'description', path, text) as string | undefined) ?? '';
    } else if (block != null) note(r, path, 'object', block);
  });
  guard(r, 'components', () => (feed.components = components(r, o, profile.component)));
  guard(r, 'incidents', (key) =>
    each(
      r,
      o,
      key,
      '',
      (i, path) => add(feed, incident(r, i, path, undefined, profile)),
      keepIncidents,
    ),
  );
  guard(r, 'scheduled_maintenances', (key) =>
    each(
      r,
      o,
      key,
      '',
      (i, path) => add(feed, incident(r, i, path, 'maintenance', profile)),
      keepIncidents,
    ),
  );
}

/** Newest first by creation, then by last update; the id breaks ties so the order is stable. */
export function sortNewestFirst(feed: Feed): void {
  for (const items of [feed.incidents, feed.maintenances])
    items.sort(
      (a, b) => b.createdAt - a.createdAt || b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : 1),
    );
}

/**
 * The top level both parsers share: a reader with its caps, an empty feed, the JSON root (a
 * string is parsed first; bad JSON is one `json` problem), `readRoot` for what the payload holds
 * (it returns the payload's kind), then incidents newest first. Never throws.
 */
export function readPayload(
  input: unknown,
  options: ParseOptions,
  readRoot: (r: Reader, feed: Feed, root: unknown) => PayloadKind,
): ParseResult {
  const r = createReader(options);
  const feed = emptyFeed();
  let kind: PayloadKind = 'unknown';
  guard(r, '$', () => {
    const parsed = jsonRoot(r, input);
    if (!parsed) return;
    kind = readRoot(r, feed, parsed.root);
    sortNewestFirst(feed);
  });
  return { kind, feed, problems: problemsOf(r) };
}

/**
 * JSON text without the byte order mark that files saved as "UTF-8 with BOM" start with:
 * `fetch`'s `text()` drops it, but a file read as text (`check-feed ./saved.json`) or a string
 * handed to the parser keeps it, and `JSON.parse` refuses it.
 */
export const withoutBom = (text: string): string =>
  text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;

/** A JSON string parsed, or the value itself; undefined (with a problem) for text that is not JSON. */
export function jsonRoot(r: Reader, input: unknown): { root: unknown } | undefined {
  if (typeof input !== 'string') return { root: input };
  try {
    return { root: JSON.parse(withoutBom(input)) as unknown };
  } catch {
    return note(r, '$', 'json', input);
  }
}
