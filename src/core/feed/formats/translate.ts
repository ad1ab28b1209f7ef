/**
 * How every adapter works: it translates the provider's payload into the shape of a Statuspage v2
 * summary (field names and status words only), then hands that to `parseFeed`, which does all the
 * hardening (caps, dates, https-only links, HTML bodies to text, ids, ordering). The translation
 * remembers where each value came from, so `parseFeed`'s problems are reported at the path of
 * the value in the provider's own payload, not in the translated one.
 *
 * Translated values are the provider's values, unchanged unless a mapping is known: an unknown
 * status word passes through, and `parseFeed` reports it with the word it saw.
 */
import { ALL_STATUSES, COMPONENT_STATUSES, IMPACTS } from '../levels';
import { parseFeed } from '../parse';
import { withoutBom } from '../read';
import type { ParseProblem } from '../../types';
import type {
  Adapter,
  AdapterOptions,
  AdapterProblem,
  AdapterProblemCode,
  FeedFormat,
  FormatResult,
} from './types';

export type Obj = Record<string, unknown>;

/** True for a non-null, non-array object. */
export const isObj = (v: unknown): v is Obj =>
  typeof v == 'object' && v !== null && !Array.isArray(v);

/** Reads an own property only: inherited keys (`__proto__`, getters on a prototype) read as undefined. */
export const own = (o: unknown, key: string): unknown =>
  isObj(o) && Object.hasOwn(o, key) ? o[key] : undefined;

/** The most problems one read reports (as `parseFeed`); the rest are counted in one last entry. */
const MAX_PROBLEMS = 200;

/** A translation in progress: its problems, and where each translated path came from. */
export class Translation {
  readonly problems: AdapterProblem[] = [];
  private readonly from = new Map<string, string>();
  private seen = 0;
  readonly maxItems: number;

  constructor(options: AdapterOptions = {}) {
    const n = options.maxItems;
    this.maxItems = (n as number) >= 1 ? Math.floor(Math.min(n!, 1e9)) : 500;
  }

  /** Records a problem at a path of the provider's payload. */
  note(path: string, code: AdapterProblemCode, got?: unknown): undefined {
    if (this.seen++ < MAX_PROBLEMS) this.problems.push({ path, code, got });
    return undefined;
  }

  /** Records that the translated path `to` holds what was at `at` in the provider's payload. */
  link(to: string, at: string): void {
    this.from.set(to, at);
  }

  /**
   * Copies `src[key]` (own property; absent and null skipped) into `target[as]`, through `fn`
   * when given, and links the two paths.
   */
  field(
    target: Obj,
    as: string,
    src: unknown,
    key: string,
    to: string,
    at: string,
    fn?: (v: unknown) => unknown,
  ): void {
    const v = own(src, key);
    if (v == null) return;
    target[as] = fn ? fn(v) : v;
    this.link(`${to}.${as}`, `${at}.${key}`);
  }

  /**
   * The list at `src[key]`: absent or null reads as empty, anything else that is not a list is
   * a problem; at most `maxItems` entries (a problem says how many were kept).
   */
  list(src: unknown, key: string, at: string): unknown[] {
    const v = own(src, key);
    const path = at ? `${at}.${key}` : key;
    if (v == null) return [];
    if (!Array.isArray(v)) return this.note(path, 'list', v) ?? [];
    if (v.length <= this.maxItems) return v;
    this.note(path, 'items', this.maxItems);
    return v.slice(0, this.maxItems);
  }

  /**
   * Runs `fn` for each object in `items` (at `${at}[i]`), one by one: a non-object is a problem,
   * and a throw (a hostile getter or Proxy) only loses that item.
   */
  each(items: unknown[], at: string, fn: (o: Obj, path: string) => void): void {
    items.forEach((v, i) => {
      const path = `${at}[${i}]`;
      try {
        if (isObj(v)) fn(v, path);
        else this.note(path, 'object', v);
      } catch {
        this.note(path, 'unreadable');
      }
    });
  }

  /** The provider's path for a translated path: the longest linked prefix, with the rest kept. */
  origin(path: string): string {
    let head = path;
    while (head) {
      const at = this.from.get(head);
      if (at !== undefined) return at + path.slice(head.length);
      const cut = Math.max(head.lastIndexOf('.'), head.lastIndexOf('['));
      if (cut <= 0) break;
      head = head.slice(0, cut);
    }
    return this.from.get(head) ?? path;
  }

  /** Parses the translated payload and reports every problem at the provider's path. */
  finish(format: FeedFormat, translated: Obj, options: AdapterOptions = {}): FormatResult {
    const r = parseFeed(translated, options);
    const parsed = r.problems.filter((p) => p.code != 'more').map((p) => this.remap(p));
    const more = Number(r.problems.find((p) => p.code == 'more')?.got ?? 0);
    const total = this.seen + parsed.length + more;
    const problems = [...this.problems, ...parsed].slice(0, MAX_PROBLEMS);
    if (total > problems.length) {
      problems.push({ path: '', code: 'more', got: total - problems.length });
    }
    return { format, kind: r.kind, feed: r.feed, problems };
  }

  private remap(p: ParseProblem): AdapterProblem {
    return { ...p, path: this.origin(p.path) };
  }
}

/**
 * An adapter: `fill` translates `body` into `out` (a Statuspage-shaped payload with empty
 * incident and maintenance lists to start from), and the result is parsed. A throw in `fill`
 * (a hostile getter outside any list item) keeps what was translated before it, as a problem.
 */
export function adapter(
  format: FeedFormat,
  fill: (body: unknown, t: Translation, out: Obj, options: AdapterOptions) => void,
): Adapter {
  return (body, options = {}) => {
    const t = new Translation(options);
    const out: Obj = { incidents: [], scheduled_maintenances: [] };
    try {
      fill(body, t, out, options);
    } catch {
      t.note('$', 'unreadable');
    }
    return t.finish(format, out, options);
  };
}

/** Parses JSON text (anything else is returned as is); bad JSON is a `json` problem. */
export function json(body: unknown, t: Translation): unknown {
  if (typeof body != 'string') return body;
  try {
    return JSON.parse(withoutBom(body)) as unknown;
  } catch {
    return t.note('$', 'json', body);
  }
}

/** Lower-cased words with spaces and dashes as underscores: "In Progress" → "in_progress". */
export const word = (v: unknown): unknown =>
  typeof v == 'string'
    ? v
        .trim()
        .toLowerCase()
        .replace(/[\s-]+/g, '_')
    : v;

/** Statuspage's own words (statuses, impacts, component statuses). */
const KNOWN: ReadonlySet<string> = new Set<string>([
  ...ALL_STATUSES,
  ...IMPACTS,
  ...COMPONENT_STATUSES,
]);

/**
 * Maps a word through `table` (keys lower-case), or to Statuspage's own word when it already is
 * one in another case ("INVESTIGATING"). Any other word, or a non-string, passes through
 * unchanged so that `parseFeed` reports it as it was.
 */
export const via =
  (table: Record<string, string>) =>
  (v: unknown): unknown => {
    const w = word(v);
    if (typeof w != 'string') return v;
    return Object.hasOwn(table, w) ? table[w] : KNOWN.has(w) ? w : v;
  };

/**
 * Outage words to a Statuspage impact, as Statuspage derives an incident's impact from its
 * components: degraded performance → minor, partial outage → major, full outage → critical.
 */
export const OUTAGE_IMPACT: Record<string, string> = {
  operational: 'none',
  degraded_performance: 'minor',
  degraded: 'minor',
  partial_outage: 'major',
  minor_outage: 'minor',
  major_outage: 'critical',
  full_outage: 'critical',
  downtime: 'critical',
  under_maintenance: 'maintenance',
  maintenance: 'maintenance',
};

/** Indicators from best to worst, to pick the worst of several derived ones. */
const RANK = ['unknown', 'none', 'maintenance', 'minor', 'major', 'critical'];

/**
 * The worse of two indicators or impacts. A word outside the scale in `a` is kept (so that
 * `parseFeed` reports it); one in `b` counts as unknown.
 */
export const worse = (a: string, b: unknown): string =>
  RANK.includes(a) && RANK.indexOf(typeof b == 'string' ? b : '') > RANK.indexOf(a)
    ? (b as string)
    : a;

/** A short stable hash (djb2), so a derived id survives re-fetches. */
export function hash(s: string): string {
  let h = 5381;
  for (let i = 0; i < s.length; i++) h = Math.imul(h, 33) ^ s.charCodeAt(i);
  return (h >>> 0).toString(36);
}

/** The last path segment of an http(s) URL, e.g. an incident id in `…/incident/cl4a8n…`. */
export function lastSegment(v: unknown): string | undefined {
  if (typeof v != 'string' || v.length > 2048) return undefined;
  const m = /^https?:\/\/[^?#]*\/([^/?#]+)\/?(?:[?#]|$)/i.exec(v);
  return m?.[1];
}

/**
 * Starts the next component of `comps` (at `components[n]`, linked to `at`): its id from `src`, its
 * name, description and position (`order`) from `fields` at `fieldsAt`, as Cachet (under JSON:API
 * `attributes`) and OpenStatus name them. Returns the record and its path for the format's own fields.
 */
export function componentFields(
  t: Translation,
  comps: Obj[],
  src: Obj,
  at: string,
  fields: Obj = src,
  fieldsAt: string = at,
): { c: Obj; to: string } {
  const to = `components[${comps.length}]`;
  const c: Obj = {};
  t.link(to, at);
  t.field(c, 'id', src, 'id', to, at, String);
  for (const [key, from] of [
    ['name', 'name'],
    ['description', 'description'],
    ['position', 'order'],
  ] as const)
    t.field(c, key, fields, from, to, fieldsAt);
  return { c, to };
}
