import type { OverlayIncident } from '../../messaging/overlay-state';

/** The incident the open ticket probably relates to, and the words that matched. */
export interface TicketMatch {
  /** `${sourceId}|${incident.id}` */
  key: string;
  /** The first matched term, as written in the feed (shown to the agent). */
  term: string;
  score: number;
}

/** Words in incident titles that say nothing about what is affected. */
const STOP = new Set(
  'about after again all and are being degraded degradation delayed delays elevated error errors failures for from have increased intermittent investigating issue issues latency some slow slowness the their this users with partial outage major minor some service services impacting affecting performance'.split(
    ' ',
  ),
);

/** Terms for one incident: its component names, its title, and the telling words of its title. */
export function incidentTerms(item: OverlayIncident): string[] {
  const terms = new Set<string>();
  const add = (s: string) => {
    const v = s.trim();
    if (v.length >= 3) terms.add(v);
  };
  for (const c of item.incident.components) add(c.name);
  for (const u of item.incident.updates) for (const c of u.affectedComponents) add(c.name);
  add(item.incident.name);
  for (const w of item.incident.name.split(/[^\p{L}\p{N}]+/u)) {
    if (w.length >= 4 && !STOP.has(w.toLowerCase())) add(w);
  }
  return [...terms];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** True when `term` occurs in `text` as whole words (case-insensitive, any script). */
export function containsTerm(text: string, term: string): boolean {
  const re = new RegExp(
    `(?<![\\p{L}\\p{N}])${escape(term).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`,
    'iu',
  );
  return re.test(text);
}

/**
 * The incident the page text most likely relates to: the one with the most matched term
 * characters (a longer, more specific name outweighs a short word). Ties go to the earlier
 * incident, which the background already sorted most severe first. Pure and local: the text
 * never leaves this function.
 */
export function matchTicket(text: string, items: readonly OverlayIncident[]): TicketMatch | null {
  if (text.trim() === '') return null;
  let best: TicketMatch | null = null;
  for (const item of items) {
    const hits = incidentTerms(item).filter((term) => containsTerm(text, term));
    if (hits.length === 0) continue;
    const score = hits.reduce((n, h) => n + h.length, 0);
    if (!best || score > best.score) {
      best = { key: `${item.sourceId}|${item.incident.id}`, term: hits[0] ?? '', score };
    }
  }
  return best;
}
