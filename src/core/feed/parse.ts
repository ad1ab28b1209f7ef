/**
 * `parseFeed`: any Statuspage v2 (or compatible) payload → one normalized Feed. Never throws.
 *
 * Defensive by construction: every read goes through `own()`, so inherited properties
 * (`__proto__`, `constructor`, getters on a prototype) are never consulted, and nothing is
 * ever copied from the input by spread or `Object.assign`. Strings, lists and the problem
 * list itself are capped; anything odd becomes a `problem` with its JSON path; each list
 * item is parsed in isolation, so one bad (or throwing) item only loses itself.
 *
 * Written for size (it ships in the web widgets): one generic field reader, and optional
 * fields read from space-separated lists of Statuspage keys (camelCased on the way in).
 */
import type {
  ComponentRef,
  ComponentStatus,
  Indicator,
  Feed,
  FeedComponent,
  FeedIncident,
  FeedUpdate,
  ParseProblem,
  ParseResult,
  PayloadKind,
  ProblemCode,
} from '../types';
import {
  ALL_STATUSES,
  COMPONENT_STATUSES,
  DONE,
  IMPACTS,
  MAINTENANCE_STATUSES,
  impactToSeverity,
  newestUpdateFirst,
} from './levels';
import { htmlToText } from './text';

/** Options for `parseFeed`. */
export interface ParseOptions {
  /** Cap for names, ids and other short strings (default 2,000). */
  maxStringLength?: number;
  /** Cap for update bodies (default 10,000, or maxStringLength if that is larger). */
  maxBodyLength?: number;
  /** Cap for every list: incidents, updates, components… (default 500). */
  maxItems?: number;
}

/** A feed with nothing in it: indicator unknown, empty lists. */
export function emptyFeed(): Feed {
  return {
    page: {},
    indicator: 'unknown',
    description: '',
    incidents: [],
    maintenances: [],
    components: [],
  };
}

type Obj = Record<string, unknown>;
/**
 * How a field is read: s short string, d ISO date (epoch ms), h https link, b boolean,
 * n finite number, l list, B update body; or one of a closed set of words: a incident or
 * maintenance status, i impact (or page indicator), c component status.
 */
type As = 's' | 'd' | 'h' | 'b' | 'n' | 'l' | 'B' | 'a' | 'i' | 'c';

/** The most problems one parse reports; the rest are counted in one last entry. */
const MAX_PROBLEMS = 200;
// An absolute https URL with a host and nothing that could break out of an attribute.
const HTTPS = /^https:\/\/[^/?#\0- \x7f"'<>\\][^\0- \x7f"'<>\\]*$/i;

/** True for a non-null, non-array object. */
const isObj = (v: unknown): v is Obj => typeof v == 'object' && v !== null && !Array.isArray(v);
const has = (o: Obj, key: string): boolean => Object.hasOwn(o, key);
/** Reads an own property only; inherited and prototype keys read as undefined. */
const own = (o: Obj, key: string): unknown => (has(o, key) ? o[key] : undefined);
const isNum = (v: unknown): v is number => Number.isFinite(v);

/** Cuts `s` to at most `max` (≥ 1) UTF-16 units, ending in "…", never splitting a pair. */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max - 1;
  if (s.charCodeAt(end - 1) >> 10 == 54) end--; // a high surrogate (U+D800–DBFF)
  return s.slice(0, end) + '…';
}

/** A short stable hash so a derived id survives re-fetches (dismissals key on it). */
function hash(s: string): string {
  let h = 5381;
  for (let i = 0; i < s.length; i++) h = Math.imul(h, 33) ^ s.charCodeAt(i);
  return (h >>> 0).toString(36);
}

/** A cap from the options: a number ≥ 1 (at most 1e9), else the default. */
const limit = (v: number | undefined, fallback: number): number =>
  (v as number) >= 1 ? Math.floor(Math.min(v!, 1e9)) : fallback;

/** Decides the payload kind from which top-level keys are present. */
function detectKind(o: Obj): PayloadKind {
  const [inc, maint, comps] = ['incidents', 'scheduled_maintenances', 'components'].map((k) =>
    Array.isArray(own(o, k)),
  );
  const status = own(o, 'status');
  const block = isObj(status);
  return (inc || maint) && (comps || block || (inc && maint))
    ? 'summary'
    : inc
      ? 'incidents'
      : maint
        ? 'maintenances'
        : // A single incident, bare or unwrapped from `{ "incident": {...} }`.
          has(o, 'incident_updates') ||
            (typeof status == 'string' && (has(o, 'impact') || has(o, 'name')))
          ? 'incident'
          : comps
            ? 'components'
            : block
              ? 'status'
              : 'unknown';
}

/**
 * Parses any Statuspage v2 payload (summary, status, components, incidents, unresolved,
 * scheduled maintenances, a single incident) or incident.io's compatible variant, given as
 * a JSON value or a JSON string. Never throws: anything odd becomes a `problem`, bad items
 * are dropped one by one, and the rest of the feed is kept.
 */
export function parseFeed(input: unknown, options: ParseOptions = {}): ParseResult {
  const feed = emptyFeed();
  const problems: ParseProblem[] = [];
  let seen = 0;
  let kind: PayloadKind = 'unknown';
  const maxStr = limit(options.maxStringLength, 2000);
  const maxBody = limit(options.maxBodyLength, Math.max(10_000, maxStr));
  const maxItems = limit(options.maxItems, 500);

  /**
   * Records a problem (codes: ProblemCode; `describeProblem` words them). Past MAX_PROBLEMS it
   * only counts, so a hostile feed cannot flood.
   */
  const note = (path: string, code: ProblemCode, got?: unknown): undefined =>
    void (seen++ < MAX_PROBLEMS && problems.push({ path, code, got }));
  const dropped = (path: string): undefined => note(path, 'dropped');
  /** The item at `path` has no id: one is derived (from its name, or its position). */
  const noId = (path: string): undefined => note(`${path}.id`, 'id');
  const cut = (path: string, max: number, text: string): string => {
    note(path, 'cut', max);
    return clip(text, max);
  };
  /** Runs `fn(path)`, turning a throw (hostile getter, Proxy) into a problem. */
  const guard = (path: string, fn: (path: string) => unknown): void => {
    try {
      fn(path);
    } catch {
      note(path, 'unreadable');
    }
  };

  /**
   * Reads `o[key]` (own property only) as `as`; null and absent read as undefined, and so
   * does "" for dates and links. Anything unusable is a problem at `path.key`.
   */
  const read = (o: Obj, key: string, path: string, as: As): unknown => {
    const v = own(o, key);
    const at = path ? `${path}.${key}` : key;
    const words = { a: ALL_STATUSES, i: IMPACTS, c: COMPONENT_STATUSES }[as as 'a'];
    if (v == null || (v === '' && (as == 'd' || as == 'h'))) return;
    // A closed set: anything else reads as 'unknown'.
    if (words) return words.includes(v as string) ? v : (note(at, 'value', v), 'unknown');
    if (as == 'b') return typeof v == 'boolean' ? v : undefined;
    if (as == 'n') return isNum(v) ? v : undefined;
    if (as == 'd') {
      // Strict-enough ISO 8601: `Date.parse` alone accepts "1" or "May 5".
      const t =
        typeof v == 'string' && v.length < 41 && /^\d{4}-\d\d-\d\d/.test(v) && Date.parse(v);
      return isNum(t) ? t : note(at, 'date', v);
    }
    if (as == 'h') {
      // http:, javascript:, data: and relative links are all dropped.
      return typeof v == 'string' && v.length <= 2048 && HTTPS.test(v) ? v : note(at, 'link', v);
    }
    if (as == 'l') {
      if (!Array.isArray(v)) return note(at, 'list', v);
      if (v.length <= maxItems) return v;
      note(at, 'items', maxItems);
      return v.slice(0, maxItems);
    }
    if (as == 's' && isNum(v)) return String(v); // incident.io sends numeric ids
    if (typeof v != 'string') return note(at, 'string', v);
    if (as == 'B') {
      // HTML to plain text, capped. Markup shrinks when stripped, so the raw cap is 4×;
      // a raw cut drops a half tag or entity at the end rather than showing it as text.
      const long = v.length > maxBody * 4;
      let raw = v;
      if (long) {
        raw = v.slice(0, maxBody * 4);
        const k = raw.lastIndexOf('<');
        // (an entity cut short: its last "&" in the final 10 characters, with no ";" after it)
        raw = (k > raw.lastIndexOf('>') ? raw.slice(0, k) : raw).replace(/&[^&;]{0,9}$/, '');
      }
      const text = htmlToText(raw);
      return long || text.length > maxBody ? cut(at, maxBody, long ? text + '…' : text) : text;
    }
    // Names are shown on one line. Only clean a bounded prefix: the rest is cut anyway.
    const s = v
      .slice(0, maxStr + 1)
      .replace(/[\r\n\t]+/g, ' ')
      .trim();
    return v.length > maxStr ? cut(at, maxStr, s) : s;
  };
  const str = (o: Obj, key: string, path: string) => read(o, key, path, 's') as string | undefined;

  /**
   * Reads the fields listed in `spec` ("key:as …", `as` defaulting to s) into `target`,
   * camelCased (`scheduled_for` → `scheduledFor`); absent values and "" are skipped.
   */
  const put = <T extends object>(target: T, o: Obj, path: string, spec: string): T => {
    for (const field of spec.split(' ')) {
      const [key = '', as = 's'] = field.split(':');
      const v = read(o, key, path, as as As);
      if (v !== undefined && v !== '') {
        (target as Obj)[key.replace(/_(.)/g, (_, c: string) => c.toUpperCase())] = v;
      }
    }
    return target;
  };

  /** Parses each object in the list `o[key]` (item paths `${items}[i]`), one by one. */
  const each = <T>(
    o: Obj,
    key: string,
    path: string,
    fn: (o: Obj, path: string, i: number) => T | undefined,
    items = path ? `${path}.${key}` : key,
  ): T[] => {
    const out: T[] = [];
    const list = (read(o, key, path, 'l') ?? []) as unknown[];
    for (let i = 0; i < list.length; i++) {
      guard(`${items}[${i}]`, (p) => {
        const v = list[i];
        const r = isObj(v) ? fn(v, p, i) : note(p, 'object', v);
        if (r !== undefined) out.push(r);
      });
    }
    return out;
  };

  /** A component in an incident's `components`, or in an update's `affected_components`. */
  const ref = (o: Obj, path: string, affected?: number): ComponentRef | undefined => {
    const id = str(o, affected ? 'code' : 'id', path);
    const name = str(o, 'name', path);
    // In affected_components, the legacy placeholder without a code means "none".
    if (
      id === undefined &&
      (name === undefined ||
        (affected && name.toLowerCase().startsWith('no components were affected')))
    ) {
      return affected ? undefined : dropped(path);
    }
    const r: ComponentRef = { name: name ?? id ?? '' };
    if (id !== undefined) r.id = id;
    if (affected) return put(r, o, path, 'old_status:c new_status:c');
    const status = read(o, 'status', path, 'c') as ComponentStatus | undefined;
    if (status) r.newStatus = status;
    return r;
  };

  /** An incident update; times it lacks are filled in from its incident. */
  const update = (o: Obj, path: string, fallbackId: string): FeedUpdate => {
    const u = put({} as FeedUpdate, o, path, 'id status:a created_at:d display_at:d updated_at:d');
    u.id ??= noId(path) ?? fallbackId;
    u.status ??= 'unknown';
    u.body = (read(o, 'body', path, 'B') as string | undefined) ?? '';
    // displayAt falls back to createdAt in `incident`, once createdAt is final.
    u.createdAt ??= u.displayAt ?? (u.updatedAt as number);
    u.affectedComponents = each(o, 'affected_components', path, (c, p) => ref(c, p, 1));
    return u;
  };

  /** One incident or maintenance; dropped (with a problem) without an id or a name. */
  const incident = (o: Obj, path: string, maint?: boolean): void => {
    const item = put(
      {} as FeedIncident,
      o,
      path,
      'id name status:a impact:i created_at:d updated_at:d started_at:d scheduled_for:d scheduled_until:d monitoring_at:d resolved_at:d shortlink:h page_id',
    );
    const { name, status = 'unknown', impact = 'unknown' } = item;
    if (!item.id && !name) return dropped(path);
    item.id ??= noId(path) ?? `x-${hash(`${name}|${String(own(o, 'created_at'))}`)}`;
    item.name ??= note(`${path}.name`, 'name') ?? '';
    item.kind =
      maint || MAINTENANCE_STATUSES.includes(status) || impact == 'maintenance'
        ? 'maintenance'
        : 'incident';
    item.status = status;
    item.impact = impact;
    item.severity = impactToSeverity(impact);
    item.components = each(o, 'components', path, (c, p) => ref(c, p));
    const updates = (item.updates = each(o, 'incident_updates', path, (u, p, i) =>
      update(u, p, `${item.id}-u${i}`),
    ));
    // Created: as given, else the earliest update, else its start or scheduled start.
    let t = Infinity;
    for (const u of updates) t = Math.min(t, u.createdAt ?? t, u.displayAt ?? t);
    item.createdAt ??=
      t < Infinity
        ? t
        : (item.startedAt ??
          item.scheduledFor ??
          note(`${path}.created_at`, 'time') ??
          item.updatedAt ??
          0);
    t = item.createdAt;
    for (const u of updates) {
      u.createdAt ??= item.createdAt;
      u.displayAt ??= u.createdAt;
      t = Math.max(t, u.createdAt);
    }
    item.updatedAt ??= t;
    updates.sort(newestUpdateFirst);
    // `resolved` with `resolved_at: null` (real feeds do this): use the closing update's time.
    const closing = DONE.includes(status) && updates.find((u) => DONE.includes(u.status));
    if (closing) item.resolvedAt ??= closing.displayAt;
    (item.kind == 'maintenance' ? feed.maintenances : feed.incidents).push(item);
  };

  /**
   * The `components` list. Group membership is taken from both directions (a group's
   * `components` ids and each child's `group_id`) so either alone suffices.
   */
  const components = (o: Obj): FeedComponent[] => {
    const byId = new Map<string, FeedComponent>();
    each(o, 'components', '', (c, path) => {
      const comp = put(
        {} as FeedComponent,
        c,
        path,
        'id name status:c group_id description position:n showcase:b only_show_if_degraded:b',
      );
      const { id = comp.name } = comp;
      if (!id) return dropped(path);
      if (!comp.id) noId(path);
      if (byId.has(id)) return note(`${path}.id`, 'dup', id);
      const raw = own(c, 'components');
      comp.children = (Array.isArray(raw) ? raw.slice(0, maxItems) : [])
        .filter((v) => typeof v == 'string' || isNum(v))
        .map(String)
        .filter((v) => v.length <= maxStr);
      comp.id = id;
      comp.name ??= id;
      comp.status ??= 'unknown';
      comp.groupId ??= null;
      comp.isGroup = own(c, 'group') === true || comp.children.length > 0;
      byId.set(id, comp);
    });
    const all = [...byId.values()];
    for (const c of all) {
      const group = byId.get(c.groupId as string);
      if (group && group != c) {
        group.isGroup = true;
        if (!group.children.includes(c.id)) group.children.push(c.id);
      }
    }
    return all;
  };

  guard('$', () => {
    let root = input;
    if (typeof input == 'string') {
      try {
        root = JSON.parse(input) as unknown;
      } catch {
        return note('$', 'json', input);
      }
    }
    if (Array.isArray(root)) {
      kind = 'incidents';
      each({ $: root }, '$', '', (i, path) => incident(i, path), '$');
    } else if (!isObj(root)) {
      note('$', 'payload', root);
    } else {
      const wrapped = own(root, 'incident'); // `{ "incident": {...} }`
      const o = isObj(wrapped) && !has(root, 'incidents') ? wrapped : root;
      kind = detectKind(o);
      guard('page', (path) => {
        const page = own(root, path);
        if (isObj(page)) feed.page = put({}, page, path, 'id name time_zone url:h updated_at:d');
        else if (page != null) note(path, 'object', page);
      });
      guard('status', (path) => {
        const s = own(o, path);
        if (isObj(s)) {
          feed.indicator = (read(s, 'indicator', path, 'i') ?? 'unknown') as Indicator;
          feed.description = str(s, 'description', path) ?? '';
        }
      });
      if (kind == 'incident') {
        guard('$', (path) => incident(o, path));
      } else {
        guard('components', () => (feed.components = components(o)));
        for (const key of ['incidents', 'scheduled_maintenances']) {
          guard(key, () => each(o, key, '', (i, path) => incident(i, path, key > 'j')));
        }
        if (kind == 'unknown') note('$', 'payload');
      }
    }
    // Newest first by creation, then by last update; id breaks ties so order is stable.
    for (const list of [feed.incidents, feed.maintenances]) {
      list.sort(
        (a, b) => b.createdAt - a.createdAt || b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : 1),
      );
    }
  });
  if (seen > MAX_PROBLEMS) {
    problems.push({ path: '', code: 'more', got: seen - MAX_PROBLEMS });
  }
  return { kind, feed, problems };
}
