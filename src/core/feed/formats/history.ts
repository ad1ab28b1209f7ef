/**
 * Atom and RSS history feeds to incidents. Providers shape these feeds two ways:
 * - one entry per incident, every update inside its HTML (Statuspage `history.atom`/`.rss`:
 *   `<p><small>Feb 24, 20:01 UTC</small><br><strong>Resolved</strong> - text</p>` per update);
 * - one item per update, linking to its incident (Better Stack `feed.rss`: "[Resolved] Name").
 * Entries are grouped into incidents by their link (else their id), and each yields its updates.
 *
 * A history feed cannot give: an incident's impact (severity unknown), components, or the
 * page's overall status (indicator unknown). An update's status is read from the words the
 * provider writes ("Resolved", "[Investigating]"); "Update" keeps the status before it.
 */
import { htmlToText } from '../text';
import { ZONES, toIso } from './dates';
import { hash, lastSegment } from './translate';
import type { Obj, Translation } from './translate';

/** One Atom entry or RSS item, as read from the XML (`at` is its path, e.g. `feed.entry[2]`). */
export interface HistoryEntry {
  at: string;
  id?: string;
  title?: string;
  link?: string;
  /** Atom `updated` or RSS `pubDate`, as written. */
  updated?: string;
  published?: string;
  /** The HTML body: Atom content or summary, RSS content:encoded or description. */
  html?: string;
  /** The path of the body element, for problems. */
  htmlAt?: string;
}

/** Provider words to statuses; `update` (no change) and `maintenance` are handled apart. */
const WORDS: Record<string, string> = {
  investigating: 'investigating',
  identified: 'identified',
  monitoring: 'monitoring',
  resolved: 'resolved',
  postmortem: 'postmortem',
  scheduled: 'scheduled',
  in_progress: 'in_progress',
  verifying: 'verifying',
  completed: 'completed',
  update: 'update',
  maintenance: 'scheduled',
};
const MAINT = ['scheduled', 'in_progress', 'verifying', 'completed'];
const MONTHS = 'jan feb mar apr may jun jul aug sep oct nov dec'.split(' ');

/** A status word as written ("In progress", "RESOLVED"), or undefined when it is not one. */
const status = (s: string): string | undefined => {
  const w = s
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return Object.hasOwn(WORDS, w) ? WORDS[w] : undefined;
};

/**
 * "[Resolved] Name", "Resolved - Name" or "Resolved: Name" → ["resolved", "Name"]. A status word
 * in brackets also counts further in: AWS titles read "Service is operating normally: [RESOLVED]
 * Increased API Error Rates", the name being what follows it (what precedes it, when nothing
 * does). An unbracketed word counts only at the start, so prose ("Issue resolved for most
 * customers") and brackets that hold no status word ("[us-east-1]") leave the title whole.
 */
function splitTitle(title: string): [string | undefined, string] {
  const m = /^\s*(?:\[([^\]]{1,30})\]\s*|([a-z][a-z -]{1,29}?)\s*(?:-|–|:)\s+)(.*)$/is.exec(title);
  const word = m && status(m[1] ?? m[2] ?? '');
  if (word && m[3]) return [word, m[3]];
  for (const b of title.matchAll(/\[([^[\]]{1,30})\]/g)) {
    const found = status(b[1]!);
    if (!found) continue;
    const after = title.slice(b.index + b[0].length).trim();
    if (after) return [found, after];
    // (its separator cut by hand: a regex anchored at the end is quadratic on a long run)
    let end = b.index;
    while (end > 0 && /[\s:–-]/.test(title[end - 1]!)) end--;
    const before = title.slice(0, end).trim();
    if (before) return [found, before];
  }
  return [undefined, title];
}

// Statuspage's update block: <p><small>DATE</small><br><strong>STATUS</strong> - BODY</p>. Matched
// in each piece between "</p>"s, with bounded tag lengths, so that hostile markup costs linear time.
const BLOCK =
  /<p(?:\s[^>]{0,200})?>\s*<small(?:\s[^>]{0,200})?>([\s\S]{0,300}?)<\/small>\s*(?:<br\s*\/?>)?\s*<strong(?:\s[^>]{0,200})?>([^<]{1,40})<\/strong>\s*(?:-|–)?\s*([\s\S]*)$/i;

/** The update blocks of a Statuspage-style body: [date, status, body] each. */
function blocksOf(html: string, max: number): [string, string, string][] {
  const out: [string, string, string][] = [];
  for (const piece of html.split(/<\/p\s*>/i)) {
    const m = BLOCK.exec(piece);
    if (m) out.push([m[1]!, m[2]!, m[3]!]);
    if (out.length >= max) break;
  }
  return out;
}

/** "Feb 24, 20:01 UTC" in the year that puts it on or just before `ref` (epoch ms). */
function smallDate(text: string, ref: number): number | undefined {
  const m = /^([a-z]{3})[a-z]*\s+(\d{1,2}),?\s+(\d{1,2}):(\d\d)\s*([a-z]{1,4})?$/i.exec(
    text.trim(),
  );
  const month = MONTHS.indexOf(m?.[1]?.toLowerCase() ?? '');
  const zone = (m?.[5] ?? 'utc').toLowerCase();
  if (!m || month < 0 || !Object.hasOwn(ZONES, zone) || !Number.isFinite(ref)) return undefined;
  const at = (year: number): number =>
    Date.UTC(year, month, Number(m[2]), Number(m[3]), Number(m[4])) - ZONES[zone]! * 60_000;
  const year = new Date(ref).getUTCFullYear();
  // The small date has no year: a date days after the entry's own is last year's.
  return at(year) > ref + 2 * 86_400_000 ? at(year - 1) : at(year);
}

/** A link without its fragment, scheme, trailing slashes and case, to compare two. */
const bare = (link: string): string =>
  link
    .replace(/#.*$/, '')
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/\/+$/, '')
    .toLowerCase();

/**
 * The entry's link when it names an incident. Some feeds (AWS's per-service RSS) link every item
 * to the status page itself: grouping by that link would merge unrelated events into one incident.
 */
function incidentLink(e: HistoryEntry, page: string | undefined): string | undefined {
  const b = bare(e.link ?? '');
  return b.includes('/') && (page === undefined || b != bare(page)) ? e.link : undefined;
}

/** Groups entries into incidents of the translated payload `out` (whose `page` is set). */
export function fromEntries(t: Translation, out: Obj, entries: HistoryEntry[]): void {
  const groups = new Map<string, HistoryEntry[]>();
  const pageUrl = (out.page as Obj | undefined)?.url;
  const page = typeof pageUrl == 'string' ? pageUrl : undefined;
  for (const e of entries) {
    const link = incidentLink(e, page);
    const key = (link ?? '').replace(/#.*$/, '') || e.id || `${e.title ?? ''}|${e.updated ?? ''}`;
    const list = groups.get(key) ?? [];
    groups.set(key, list);
    list.push(e);
  }
  for (const [key, list] of groups) {
    try {
      incident(t, key, list, out, page);
    } catch {
      t.note(list[0]!.at, 'unreadable');
    }
  }
}

function incident(
  t: Translation,
  key: string,
  list: HistoryEntry[],
  out: Obj,
  page: string | undefined,
): void {
  // Each update with the paths it came from: the entry (or its body) and its date.
  const updates: [Obj, string, string][] = [];
  const first = list[0]!;
  let name: string | undefined;
  let link: string | undefined;
  let shortlink: string | undefined;
  for (const e of list) {
    const [word, rest] = splitTitle(e.title ?? '');
    if (e.title !== undefined) name ??= rest;
    link ??= incidentLink(e, page);
    shortlink ??= e.link;
    const when = toIso(e.updated ?? e.published);
    const dateAt = `${e.at}.${e.updated !== undefined ? 'updated' : 'published'}`;
    const ref = Date.parse(String(when));
    const blocks = blocksOf(e.html ?? '', t.maxItems);
    blocks.forEach((b, i) => {
      const small = htmlToText(b[0]);
      const time = smallDate(small, ref);
      const at = `${e.htmlAt ?? e.at}[${i}]`;
      if (time === undefined) t.note(at, 'date', small);
      const u: Obj = {
        id: `${hash(key)}-${hash(`${b[0]}|${b[1]}|${i}`)}`,
        status: status(b[1]) ?? b[1].trim(),
        body: b[2],
        // An unreadable date: just before the entry's own time, keeping the feed's order.
        created_at: toIso(time ?? (Number.isFinite(ref) ? ref - i : 0)),
      };
      updates.push([u, at, at]);
    });
    if (!blocks.length) {
      const text = e.html ?? '';
      const lead = /^\s*(?:<[^>]+>\s*)*([a-z][a-z ]{1,20}):/i.exec(text);
      const u: Obj = {
        id: e.id ?? `${hash(key)}-${hash(`${e.updated}|${text.slice(0, 200)}`)}`,
        status: word ?? (lead ? status(lead[1]!) : undefined),
        body: text,
        created_at: when,
      };
      updates.push([u, e.htmlAt ?? e.at, dateAt]);
    }
  }
  // Oldest first, so that "Update" can take the status before it.
  const time = (u: Obj): number => Date.parse(String(u.created_at)) || 0;
  updates.sort(([a], [b]) => time(a) - time(b));
  let last: unknown;
  let maint = false;
  for (const [u] of updates) {
    if (u.status == 'update' || u.status === undefined) u.status = last;
    if (u.status === undefined) delete u.status;
    last = u.status ?? last;
    maint ||= MAINT.includes(String(u.status));
  }
  const as = maint ? 'scheduled_maintenances' : 'incidents';
  const target = out[as] as Obj[];
  const to = `${as}[${target.length}]`;
  t.link(to, first.at);
  t.link(`${to}.name`, `${first.at}.title`);
  t.link(`${to}.shortlink`, `${first.at}.link`);
  updates.forEach(([, at, dateAt], i) => {
    t.link(`${to}.incident_updates[${i}]`, at);
    t.link(`${to}.incident_updates[${i}].created_at`, dateAt);
  });
  const item: Obj = {
    id: lastSegment(link) ?? hash(key),
    name,
    shortlink,
    incident_updates: updates.map(([u]) => u),
  };
  if (last !== undefined) item.status = last;
  if (maint) item.impact = 'maintenance';
  target.push(item);
}
