import type { OverlayIncident } from '../../messaging/overlay-state';

/** The incident the open ticket probably relates to, and the words that matched. */
export interface TicketMatch {
  /** `${sourceId}|${incident.id}` */
  key: string;
  /** The first matched term, as written in the feed (shown to the agent). */
  term: string;
  /** Every matched term, as written in the feed, strongest first (at most 3): why it matched. */
  terms: string[];
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

/**
 * Words in incident titles that say nothing about WHAT is affected: how bad, who, since when. Any of
 * them in a ticket ("our customers", "users cannot") is no evidence for one incident over another
 * (issue 19: "customers" in a ticket matched the Login incident). Compared after stemming.
 */
const STOP_WORDS =
  'about after again all and are being degraded degradation delayed delays elevated error errors failures for from have increased intermittent investigating issue issues latency some slow slowness the their this users with partial outage outages major minor service services impacting affecting performance customer customers user client clients account accounts people unable cannot working broken problem problems trouble experiencing reports reported currently ongoing certain other many most system systems platform unavailable down incident incidents update updates resolved monitoring identified affected impact impacted region regions fail failing failed failure failures';

/** A word: letters, digits and combining marks of any script. The one regex, run once per text. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/**
 * Singular and plural (and -ing/-ed) of English words fold to one stem, so "Webhook" matches
 * "Webhooks" and "payments" matches "Payment". Deliberately light: both sides are folded the same
 * way, so a crude stem only has to be consistent; words of other scripts pass through unchanged.
 */
export function stem(w: string): string {
  const n = w.length;
  if (n <= 3) return w;
  for (let i = 0; i < n; i++) {
    const c = w.charCodeAt(i);
    if (c < 97 || c > 122) return w; // not a plain a–z word
  }
  const end = (suffix: string) => w.endsWith(suffix);
  if (n > 4 && end('ies')) return `${w.slice(0, -3)}y`;
  if (end('ss') || end('us') || end('is')) return w;
  if (end('ches') || end('shes') || end('xes') || end('zes')) return w.slice(0, -2);
  if (end('s')) return w.slice(0, -1);
  if (n >= 6 && end('ing')) return w.slice(0, -3);
  if (n >= 5 && end('ed')) return w.slice(0, -2);
  return w;
}

/** Stems seen lately: a ticket repeats its words, so most lookups are hits. Bounded. */
const stems = new Map<string, string>();
function stemCached(w: string): string {
  let s = stems.get(w);
  if (s === undefined) {
    if (stems.size >= 20_000) stems.clear();
    s = stem(w);
    stems.set(w, s);
  }
  return s;
}

const STOP = new Set(STOP_WORDS.split(' ').map(stem));

/** One word for signing in, however written: "log in", "sign-in", "login", "logon", "Anmeldung". */
const LOGIN = 'login';
/** Single sign-on, however written: "SSO", "single sign-on". */
const SSO = 'sso';
const LOGIN_WORDS = new Set([
  'login',
  'logins',
  'logon',
  'signin',
  'signon',
  'anmeldung',
  'anmelden',
  'einloggen',
]);
const LOGIN_VERBS = new Set([
  'log',
  'logs',
  'logged',
  'logging',
  'sign',
  'signs',
  'signed',
  'signing',
]);
const LOGIN_PARTICLES = new Set(['in', 'on', 'into']);

/**
 * The words of `s`, lower-cased, synonyms folded to one word and stemmed, in order. Two- and
 * three-word synonyms ("log in", "single sign-on") become one word, so matching stays a lookup.
 */
export function words(s: string): string[] {
  const raw = s.toLowerCase().match(WORD) ?? [];
  const out: string[] = new Array<string>(raw.length);
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    const w = raw[i]!;
    // Only words starting l, s, a or e can be a sign-in synonym: one comparison skips the sets.
    const c = w.charCodeAt(0);
    if (w.length >= 3 && (c === 108 || c === 115 || c === 97 || c === 101)) {
      if (w === 'single' && raw[i + 1] === 'sign' && raw[i + 2] === 'on') {
        out[n++] = SSO;
        i += 2;
        continue;
      }
      if (LOGIN_VERBS.has(w) && LOGIN_PARTICLES.has(raw[i + 1] ?? '')) {
        out[n++] = LOGIN;
        i += 1;
        continue;
      }
      if (LOGIN_WORDS.has(w)) {
        out[n++] = LOGIN;
        continue;
      }
    }
    out[n++] = w.length <= 3 ? w : stemCached(w);
  }
  out.length = n;
  return out;
}

/** Folded words of feed names, remembered: each projection (every poll) repeats the same names. */
const nameWords = new Map<string, string[]>();
function termWords(term: string): string[] {
  let w = nameWords.get(term);
  if (w === undefined) {
    if (nameWords.size >= 5_000) nameWords.clear();
    w = words(term).slice(0, MATCH_LIMITS.wordsPerTerm);
    nameWords.set(term, w);
  }
  return w;
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
    if (w.length >= 4 && !STOP.has(stem(w.toLowerCase()))) add(w);
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

/** One term to look for: as written in the feed, its folded words, and how much a hit counts. */
interface Term {
  term: string;
  words: string[];
  weight: number;
}

/** The terms of every incident, capped, with their words split once. */
interface Prepared {
  key: string;
  terms: Term[];
}

/**
 * The terms of one name: its words, and for a single sign-on name also the same words with "log
 * in" in its place at half weight ("I can't log in" likely concerns an SSO outage). Not the other
 * way round: a question about setting up SSO says nothing about a Login outage (issue 19).
 */
function variants(term: string): Term[] {
  const w = termWords(term);
  const out: Term[] = [{ term, words: w, weight: 1 }];
  if (w.includes(SSO))
    out.push({ term, words: w.map((x) => (x === SSO ? LOGIN : x)), weight: 0.5 });
  return out;
}

function prepare(items: readonly OverlayIncident[]): Prepared[] {
  const out: Prepared[] = [];
  let budget: number = MATCH_LIMITS.termsTotal;
  for (const item of items) {
    if (budget <= 0) break;
    const names = incidentTerms(item, Math.min(budget, MATCH_LIMITS.termsPerIncident));
    budget -= names.length;
    out.push({ key: `${item.sourceId}|${item.incident.id}`, terms: names.flatMap(variants) });
  }
  return out;
}

/**
 * The best incident for an indexed text: the most matched term characters (a longer, more specific
 * name outweighs a short word), ties to the earlier. Each name counts once, by its best variant.
 */
function best(index: TextIndex, prepared: readonly Prepared[]): TicketMatch | null {
  if (index.words.length === 0) return null;
  let top: TicketMatch | null = null;
  for (const p of prepared) {
    let hits: Map<string, number> | undefined; // made on the first hit: most incidents have none
    for (const t of p.terms) {
      if ((hits?.get(t.term) ?? 0) >= t.weight || !hasWords(index, t.words)) continue;
      (hits ??= new Map()).set(t.term, t.weight);
    }
    if (!hits) continue;
    let score = 0;
    for (const [term, weight] of hits) score += term.length * weight;
    if (!top || score > top.score) {
      const terms = [...hits]
        .sort((a, b) => b[0].length * b[1] - a[0].length * a[1])
        .slice(0, 3)
        .map(([term]) => term);
      top = { key: p.key, term: terms[0]!, terms, score };
    }
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
