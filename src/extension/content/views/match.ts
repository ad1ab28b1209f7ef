import type { OverlayIncident } from '../../messaging/overlay-state';

/** The incident the open ticket probably relates to, and the words that matched. */
export interface TicketMatch {
  /** `${sourceId}|${incident.id}` */
  key: string;
  /** The first matched term, as written in the feed (shown to the agent). */
  term: string;
  score: number;
}

/**
 * Bounds that keep matching linear in the page text whatever the feed holds: a hostile or huge feed
 * (500 incidents × 380 components) must not freeze the helpdesk tab. Incidents arrive most severe
 * first, so the caps drop the least important terms.
 */
export const MATCH_LIMITS = {
  /** Terms taken from one incident (its components, title and title words). */
  termsPerIncident: 24,
  /** Terms over all incidents. */
  termsTotal: 1_000,
  /** Words in one term: longer names are cut (their words still count one by one). */
  wordsPerTerm: 8,
  /** Characters of one name considered. */
  termChars: 120,
  /** Places one term's rarest word is checked at, so a common word cannot make a term costly. */
  anchorsPerTerm: 64,
} as const;

/** Words in incident titles that say nothing about what is affected. */
const STOP = new Set(
  'about after again all and are being degraded degradation delayed delays elevated error errors failures for from have increased intermittent investigating issue issues latency some slow slowness the their this users with partial outage major minor some service services impacting affecting performance'.split(
    ' ',
  ),
);

/** A word: letters, digits and combining marks of any script. The one regex, run once per text. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** The words of `s`, lower-cased, in order. */
export function words(s: string): string[] {
  return s.toLowerCase().match(WORD) ?? [];
}

/** Terms for one incident: its component names, its title, and the telling words of its title. */
export function incidentTerms(
  item: OverlayIncident,
  max: number = MATCH_LIMITS.termsPerIncident,
): string[] {
  const terms = new Set<string>();
  const add = (s: string) => {
    const v = s.slice(0, MATCH_LIMITS.termChars).trim();
    if (v.length >= 3 && terms.size < max) terms.add(v);
  };
  const { incident } = item;
  // Stops as soon as the cap is reached: a 380-component incident costs 24 names, not 380.
  for (const c of incident.components) if (terms.size < max) add(c.name);
  for (const u of incident.updates) {
    if (terms.size >= max) break;
    for (const c of u.affectedComponents) if (terms.size < max) add(c.name);
  }
  add(incident.name);
  for (const w of incident.name.slice(0, MATCH_LIMITS.termChars).split(/[^\p{L}\p{N}]+/u)) {
    if (w.length >= 4 && !STOP.has(w.toLowerCase())) add(w);
  }
  return [...terms];
}

/** The page text, read once: its words in order and where each word occurs. */
export interface TextIndex {
  words: string[];
  at: Map<string, number[]>;
}

/** One linear pass over the text. */
export function indexText(text: string): TextIndex {
  const list = words(text);
  const at = new Map<string, number[]>();
  list.forEach((w, i) => {
    const l = at.get(w);
    if (l) l.push(i);
    else at.set(w, [i]);
  });
  return { words: list, at };
}

/**
 * True when the words of `termWords` occur one after another in the text (whole words,
 * case-insensitive, any script). Checks at most `anchorsPerTerm` places of the term's rarest word.
 */
export function hasWords(index: TextIndex, termWords: readonly string[]): boolean {
  if (termWords.length === 0) return false;
  let anchor = 0;
  let fewest = Infinity;
  for (let i = 0; i < termWords.length; i++) {
    const n = index.at.get(termWords[i]!)?.length ?? 0;
    if (n === 0) return false;
    if (n < fewest) [fewest, anchor] = [n, i];
  }
  const places = index.at.get(termWords[anchor]!)!;
  const tries = Math.min(places.length, MATCH_LIMITS.anchorsPerTerm);
  next: for (let k = 0; k < tries; k++) {
    const start = places[k]! - anchor;
    if (start < 0) continue;
    for (let i = 0; i < termWords.length; i++) {
      if (index.words[start + i] !== termWords[i]) continue next;
    }
    return true;
  }
  return false;
}

/** True when `term` occurs in `text` as whole words (case-insensitive, any script). */
export function containsTerm(text: string, term: string): boolean {
  return hasWords(indexText(text), words(term).slice(0, MATCH_LIMITS.wordsPerTerm));
}

/** The terms of every incident, capped, with their words split once. */
interface Prepared {
  key: string;
  terms: { term: string; words: string[] }[];
}

function prepare(items: readonly OverlayIncident[]): Prepared[] {
  const out: Prepared[] = [];
  let budget: number = MATCH_LIMITS.termsTotal;
  for (const item of items) {
    if (budget <= 0) break;
    const terms = incidentTerms(item, Math.min(budget, MATCH_LIMITS.termsPerIncident)).map(
      (term) => ({ term, words: words(term).slice(0, MATCH_LIMITS.wordsPerTerm) }),
    );
    budget -= terms.length;
    out.push({ key: `${item.sourceId}|${item.incident.id}`, terms });
  }
  return out;
}

/** The best incident for an indexed text: the most matched term characters, ties to the earlier. */
function best(index: TextIndex, prepared: readonly Prepared[]): TicketMatch | null {
  if (index.words.length === 0) return null;
  let top: TicketMatch | null = null;
  for (const p of prepared) {
    let score = 0;
    let first = '';
    for (const t of p.terms) {
      if (!hasWords(index, t.words)) continue;
      if (score === 0) first = t.term;
      score += t.term.length;
    }
    if (score > 0 && (!top || score > top.score)) top = { key: p.key, term: first, score };
  }
  return top;
}

/**
 * The incident the page text most likely relates to: the one with the most matched term
 * characters (a longer, more specific name outweighs a short word). Ties go to the earlier
 * incident, which the background already sorted most severe first. Pure and local: the text
 * never leaves this function. Cost: one pass over the text plus a bounded number of look-ups.
 */
export function matchTicket(text: string, items: readonly OverlayIncident[]): TicketMatch | null {
  return best(indexText(text), prepare(items));
}

/**
 * A matcher that remembers its last text and terms: a new projection where only times changed
 * (every poll writes one) gives the same terms, and costs neither a re-read of the text nor a
 * re-match.
 */
export function createMatcher(): (
  text: string,
  items: readonly OverlayIncident[],
) => TicketMatch | null {
  let lastText: string | undefined;
  let index: TextIndex | undefined;
  let lastTerms: string | undefined;
  let prepared: Prepared[] = [];
  let result: TicketMatch | null = null;
  return (text, items) => {
    const next = prepare(items);
    // The terms, keys included, as one string: equal means the match cannot differ.
    const sig = JSON.stringify(next.map((p) => [p.key, p.terms.map((t) => t.term)]));
    if (text === lastText && sig === lastTerms) return result;
    if (text !== lastText || !index) index = indexText(text);
    lastText = text;
    lastTerms = sig;
    prepared = next;
    result = best(index, prepared);
    return result;
  };
}
