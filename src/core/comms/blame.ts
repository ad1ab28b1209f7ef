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

/** Capitalised words that start sentences but are not people. */
const NOT_A_NAME = new Set(
  'It We They This That These Those There The A An Our Their Nothing Everything Something Nobody Everyone Which What Who When Then If And But So'.split(
    ' ',
  ),
);

const PERSON_ROLE =
  '(?:someone|somebody|an?\\s+(?:engineer|developer|operator|admin|administrator|intern|contractor|employee|person|teammate|user)|the\\s+(?:engineer|developer|operator|admin|administrator|intern|contractor|on-?call(?:\\s+engineer)?)|(?:engineer|developer|operator|admin|intern|contractor)\\s+[A-Z][a-z]+)';
const FAULT_VERBS =
  "(?:broke|forgot|messed\\s+up|screwed\\s+up|neglected|ignored|failed\\s+to|didn't\\s+bother|did\\s+not\\s+bother)";

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
    re: /\b(?:careless(?:ly|ness)?|negligen(?:t|ce)|sloppy|incompeten(?:t|ce)|reckless(?:ly)?)\b/gi,
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
];

/**
 * A capitalised name directly followed by a fault verb ("Mehmet broke", "Acme forgot"). "failed to"
 * is left out here: after a capitalised word it is mostly a system ("Monitoring failed to alert").
 */
const NAME_FAULT =
  /\b([A-Z][A-Za-z]+)\s+(?:broke|forgot|messed\s+up|screwed\s+up|neglected|ignored|didn't\s+bother)\b/g;

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
    if (!isLikelyName(m[1] ?? '')) continue;
    add(m.index, m.index + m[0].length, {
      message: `This names ${m[1]} as the cause`,
      suggestion: `${SYSTEMIC}, e.g. "a configuration change was deployed without a review step".`,
      messageId: 'blame_named_cause',
      params: [m[1] ?? ''],
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
