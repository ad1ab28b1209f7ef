/** `parseFeed`: any Statuspage v2 (or compatible) payload → one normalized Feed. Never throws. */
import type { Feed, FeedIncident, FeedPage, Indicator, ParseResult, PayloadKind } from '../types';
import { parseComponents } from './component';
import { parseIncident } from './incident';
import { INDICATORS } from './levels';
import type { Ctx, Limits, Obj } from './read';
import {
  finishProblems,
  has,
  isObj,
  makeCtx,
  own,
  problem,
  readDate,
  readEnum,
  readHttps,
  readList,
  readStr,
  typeName,
  capList,
} from './read';

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

function limit(v: number | undefined, fallback: number): number {
  return typeof v === 'number' && v >= 1 ? Math.floor(Math.min(v, 1e9)) : fallback;
}

/** True when a root object looks like a single incident rather than a list payload. */
function looksLikeIncident(o: Obj): boolean {
  return (
    has(o, 'incident_updates') ||
    (typeof own(o, 'status') === 'string' && (has(o, 'impact') || has(o, 'name')))
  );
}

/** Decides the payload kind from which top-level keys are present. */
function detectKind(o: Obj): PayloadKind {
  const inc = Array.isArray(own(o, 'incidents'));
  const maint = Array.isArray(own(o, 'scheduled_maintenances'));
  const comps = Array.isArray(own(o, 'components'));
  const status = isObj(own(o, 'status'));
  if ((inc || maint) && (comps || status || (inc && maint))) return 'summary';
  if (inc) return 'incidents';
  if (maint) return 'maintenances';
  if (looksLikeIncident(o)) return 'incident';
  if (comps) return 'components';
  if (status) return 'status';
  return 'unknown';
}

function parsePage(ctx: Ctx, o: Obj): FeedPage {
  const page: FeedPage = {};
  const raw = own(o, 'page');
  if (raw === undefined || raw === null) return page;
  if (!isObj(raw)) {
    problem(ctx, 'page', `expected an object, got ${typeName(raw)}`);
    return page;
  }
  const id = readStr(ctx, raw, 'id', 'page');
  if (id) page.id = id;
  const name = readStr(ctx, raw, 'name', 'page');
  if (name) page.name = name;
  const url = readHttps(ctx, raw, 'url', 'page');
  if (url) page.url = url;
  const tz = readStr(ctx, raw, 'time_zone', 'page');
  if (tz) page.timeZone = tz;
  const updatedAt = readDate(ctx, raw, 'updated_at', 'page');
  if (updatedAt !== undefined) page.updatedAt = updatedAt;
  return page;
}

function parseStatus(ctx: Ctx, o: Obj, feed: Feed): void {
  const raw = own(o, 'status');
  if (!isObj(raw)) return;
  feed.indicator = readEnum<Indicator>(ctx, raw, 'indicator', 'status', INDICATORS) ?? 'unknown';
  feed.description = readStr(ctx, raw, 'description', 'status') ?? '';
}

/** Parses one list of incidents into the feed, isolating failures per item. */
function addIncidents(ctx: Ctx, list: unknown[], path: string, maint: boolean, feed: Feed): void {
  for (let i = 0; i < list.length; i++) {
    const p = `${path}[${i}]`;
    try {
      const item = list[i];
      if (!isObj(item)) {
        problem(ctx, p, `expected an object, got ${typeName(item)}`);
        continue;
      }
      const parsed = parseIncident(ctx, item, p, maint);
      if (parsed) (parsed.kind === 'maintenance' ? feed.maintenances : feed.incidents).push(parsed);
    } catch {
      problem(ctx, p, 'unreadable item dropped');
    }
  }
}

/** Newest first by creation, then by last update; id breaks ties so order is stable. */
function byNewest(a: FeedIncident, b: FeedIncident): number {
  return b.createdAt - a.createdAt || b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : 1);
}

/** Runs `fn`, recording a problem instead of throwing (hostile getters, proxies). */
function guard(ctx: Ctx, path: string, fn: () => void): void {
  try {
    fn();
  } catch {
    problem(ctx, path, 'unreadable value skipped');
  }
}

function parseRoot(ctx: Ctx, root: unknown, feed: Feed): PayloadKind {
  if (Array.isArray(root)) {
    addIncidents(ctx, capList(ctx, root, '$'), '$', false, feed);
    return 'incidents';
  }
  if (!isObj(root)) {
    problem(ctx, '$', `expected a Statuspage JSON object, got ${typeName(root)}`);
    return 'unknown';
  }
  let o = root;
  const wrapped = own(root, 'incident');
  if (isObj(wrapped) && !has(root, 'incidents')) o = wrapped; // `{ "incident": {...} }`
  const kind = detectKind(o);
  guard(ctx, 'page', () => (feed.page = parsePage(ctx, root)));
  guard(ctx, 'status', () => parseStatus(ctx, o, feed));
  if (kind === 'incident') {
    const single = parseIncident(ctx, o, '$', false);
    if (single) (single.kind === 'maintenance' ? feed.maintenances : feed.incidents).push(single);
    return kind;
  }
  guard(ctx, 'components', () => (feed.components = parseComponents(ctx, o, '$')));
  guard(ctx, 'incidents', () => {
    const list = readList(ctx, o, 'incidents', '$');
    if (list) addIncidents(ctx, list, 'incidents', false, feed);
  });
  guard(ctx, 'scheduled_maintenances', () => {
    const list = readList(ctx, o, 'scheduled_maintenances', '$');
    if (list) addIncidents(ctx, list, 'scheduled_maintenances', true, feed);
  });
  if (kind === 'unknown') problem(ctx, '$', 'not a recognised Statuspage payload');
  return kind;
}

/**
 * Parses any Statuspage v2 payload (summary, status, components, incidents, unresolved,
 * scheduled maintenances, a single incident) or incident.io's compatible variant, given as
 * a JSON value or a JSON string. Never throws: anything odd becomes a `problem`, bad items
 * are dropped one by one, and the rest of the feed is kept.
 */
export function parseFeed(input: unknown, options: ParseOptions = {}): ParseResult {
  const feed = emptyFeed();
  let ctx: Ctx | undefined;
  let kind: PayloadKind = 'unknown';
  try {
    const maxStringLength = limit(options.maxStringLength, 2000);
    const limits: Limits = {
      maxStringLength,
      maxBodyLength: limit(options.maxBodyLength, Math.max(10_000, maxStringLength)),
      maxItems: limit(options.maxItems, 500),
    };
    ctx = makeCtx(limits);
    let root = input;
    if (typeof input === 'string') {
      try {
        root = JSON.parse(input) as unknown;
      } catch {
        problem(ctx, '$', `not valid JSON (${describeText(input)})`);
        return { kind, feed, problems: finishProblems(ctx) };
      }
    }
    kind = parseRoot(ctx, root, feed);
    feed.incidents.sort(byNewest);
    feed.maintenances.sort(byNewest);
    return { kind, feed, problems: finishProblems(ctx) };
  } catch {
    const problems = ctx ? finishProblems(ctx) : [];
    problems.push({ path: '$', message: 'feed could not be read' });
    return { kind, feed, problems };
  }
}

/** Says what a non-JSON string looks like, e.g. an HTML error page, without echoing it. */
function describeText(s: string): string {
  const head = s.slice(0, 200).trimStart().toLowerCase();
  if (head.startsWith('<')) return 'looks like HTML, e.g. an error page';
  if (s.trim() === '') return 'empty';
  return 'truncated or malformed';
}
