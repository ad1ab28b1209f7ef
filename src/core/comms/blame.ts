/**
 * Blaming-language detection shared by message lints and the blameless review lint. Patterns are
 * deliberately phrase-based: a blameless text describes conditions ("the change process had no
 * review step"), so person + fault word is the signal, not the mere mention of a person.
 */
import type { LintMessageId } from '../lint-ids';
import type { Lint } from '../types';

interface BlamePattern {
  re: RegExp;
  id: LintMessageId;
  message: string;
  suggestion: string;
}

const SYSTEMIC = 'Describe the condition in the system or process that allowed it';

/**
 * Capitalised words that start sentences but are not people: pronouns and articles, and the
 * nouns a systemic sentence starts with ("Traffic caused the spike").
 */
const NOT_A_NAME = new Set(
  [
    'It We They This That These Those There Here The A An Our Their Nothing Everything Something',
    'Nobody Everyone Which What Who When Where Then If And But So He She I You Let',
    'Change Config Configuration Deploy Deployment Release Rollout Migration Script Code Bug Job',
    'Traffic Load Latency Memory Disk Network Cache Database Queue Timeout Outage Failure Error',
  ]
    .join(' ')
    .split(' '),
);

const PERSON_ROLE =
  '(?:someone|somebody|an?\\s+(?:engineer|developer|operator|admin|administrator|intern|contractor|employee|person|teammate|user)|the\\s+(?:engineer|developer|operator|admin|administrator|intern|contractor|on-?call(?:\\s+engineer)?)|(?:engineer|developer|operator|admin|intern|contractor)\\s+[A-Z][a-z]+)';
/** A role that owns something in a possessive ("the engineer's change"). */
const ROLE =
  '(?:engineer|developer|operator|admin|administrator|intern|contractor|on-?call(?:\\s+engineer)?)';
/** Nouns that name a slip: "made a mistake", "Mehmet's error". */
const MISTAKE = '(?:mistakes?|errors?|blunders?|typos?|oversights?)';
/**
 * What a person is blamed for doing. "Made" counts only with a slip ("made a configuration
 * mistake"), not "made the change". "Caused" and "failed to" are kept apart because after a
 * capitalised word they are often a system ("DNS caused the outage", "Monitoring failed to alert").
 */
/** Putting something bad into production: "pushed a bad config", "deployed a broken build". */
const BAD_PUSH =
  '(?:pushed|deployed|shipped|merged|applied|committed|rolled\\s+out)\\s+(?:a|an|the|some)\\s+(?:bad|broken|wrong|faulty|buggy|incorrect|untested)\\s+[a-z][\\w-]*';
const FAULT_ACTS = `(?:${BAD_PUSH}|fat[- ]?finger(?:ed|s)?|broke|forgot|messed\\s+up|screwed\\s+up|neglected|ignored|didn't\\s+bother|did\\s+not\\s+bother|made\\s+(?:an?\\s+|another\\s+|the\\s+|some\\s+)?(?:[a-z]+\\s+)?${MISTAKE})`;
const FAULT_VERBS = `(?:${FAULT_ACTS}|caused|failed\\s+to)`;
/**
 * After a possessive, the slip itself ("Mehmet's mistake") or a thing of theirs doing the harm
 * ("Mehmet's change broke"): one or two lowercase words, not "what" or "that" ("Here's what broke").
 */
const OWNED_FAULT = `(?:${MISTAKE}\\b|(?:(?!(?:what|that|which|who|how|why|where|when|it|this|been|not)\\b)[a-z][\\w-]*\\s+){1,2}?(?:${FAULT_ACTS}|caused)\\b)`;

const PATTERNS: readonly BlamePattern[] = [
  {
    re: /\bhuman\s+errors?\b/gi,
    id: 'blame_human_error',
    message: '"Human error" ends the analysis at a person',
    suggestion: `${SYSTEMIC}, e.g. "the change process had no review step that would have caught this".`,
  },
  {
    re: /\bshould(?:\s+have|'ve)\b/gi,
    id: 'blame_should_have',
    message: '"Should have" judges a person in hindsight',
    suggestion: 'Say what the system lacked, e.g. "the runbook did not include this check".',
  },
  {
    re: /\b(?:fat[- ]?finger(?:ed|ing|s)?|careless(?:ly|ness)?|negligen(?:t|ce)|sloppy|incompeten(?:t|ce)|reckless(?:ly)?)\b/gi,
    id: 'blame_judging_word',
    message: 'This word judges a person, not a system',
    suggestion: `${SYSTEMIC}, e.g. "nothing warned before a destructive command ran".`,
  },
  {
    re: /\b(?:(?:the\s+)?fault\s+of|at\s+fault|(?:his|her|their|[A-Z][a-z]+'s)\s+fault|to\s+blame|blamed?\s+(?:on|for)?|(?:vendor|provider|supplier|third[- ]party)(?:'s)?\s+(?:fault|mistake|screw-?up))\b/gi,
    id: 'blame_fault',
    message: 'This assigns fault',
    suggestion: `${SYSTEMIC}: what dependency, safeguard or check was missing?`,
  },
  {
    re: /\bmistake\s+(?:by|of|made\s+by)\b/gi,
    id: 'blame_mistake_by',
    message: 'This attributes a mistake to someone',
    suggestion: `${SYSTEMIC}, e.g. "a configuration change reached production without review".`,
  },
  {
    re: new RegExp(`\\b${PERSON_ROLE}\\s+${FAULT_VERBS}\\b`, 'gi'),
    id: 'blame_person_cause',
    message: 'This names a person as the cause',
    suggestion: `${SYSTEMIC}, e.g. "a configuration change was deployed without a review step".`,
  },
  {
    re: new RegExp(`\\b(?:the|an?)\\s+${ROLE}['’]s\\s+${OWNED_FAULT}`, 'gi'),
    id: 'blame_person_cause',
    message: 'This names a person as the cause',
    suggestion: `${SYSTEMIC}, e.g. "a configuration change was deployed without a review step".`,
  },
];

/**
 * A capitalised name directly followed by a fault verb ("Mehmet broke", "Acme forgot", "Mehmet made
 * a mistake"), or owning the fault ("Mehmet's change broke", "Mehmet's mistake"). "failed to" is
 * left out: after a capitalised word it is mostly a system ("Monitoring failed to alert"). For
 * "caused" and the possessive the name must be spelled like a person's ("DNS caused" is not).
 */
const NAME_FAULT = new RegExp(
  [
    `\\b([A-Z][A-Za-z]+)\\s+${FAULT_ACTS}\\b`,
    `\\b([A-Z][a-z]+)\\s+caused\\b`,
    `\\b([A-Z][a-z]+)['’]s\\s+${OWNED_FAULT}`,
  ].join('|'),
  'g',
);

/**
 * Whether a capitalised word is plausibly a person or vendor rather than a sentence-initial
 * pronoun, article or gerund ("Monitoring", "Alerting" name systems, not people).
 */
export function isLikelyName(word: string): boolean {
  return !NOT_A_NAME.has(word) && !/ing$/.test(word);
}

/** Finds blaming phrases in `text`, with spans, sorted by position, overlaps removed. */
export function findBlame(text: string): Lint[] {
  const found: Lint[] = [];
  const add = (
    start: number,
    end: number,
    said: Pick<Lint, 'message' | 'suggestion' | 'messageId' | 'params'>,
  ) => {
    found.push({ code: 'blaming_language', level: 'warning', ...said, start, end });
  };
  for (const p of PATTERNS) {
    for (const m of text.matchAll(p.re)) {
      const { message, suggestion, id } = p;
      add(m.index, m.index + m[0].length, { message, suggestion, messageId: id });
    }
  }
  for (const m of text.matchAll(NAME_FAULT)) {
    const name = m[1] ?? m[2] ?? m[3] ?? '';
    if (!isLikelyName(name)) continue;
    add(m.index, m.index + m[0].length, {
      message: `This names ${name} as the cause`,
      suggestion: `${SYSTEMIC}, e.g. "a configuration change was deployed without a review step".`,
      messageId: 'blame_named_cause',
      params: [name],
    });
  }
  found.sort((a, b) => (a.start ?? 0) - (b.start ?? 0) || (b.end ?? 0) - (a.end ?? 0));
  // Keep the first (longest) of overlapping spans so the UI highlights each phrase once.
  const out: Lint[] = [];
  for (const l of found) {
    const prev = out[out.length - 1];
    if (prev && (l.start ?? 0) < (prev.end ?? 0)) continue;
    out.push(l);
  }
  return out;
}
