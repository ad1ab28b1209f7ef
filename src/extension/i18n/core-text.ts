/**
 * The core's sentences in the UI language. The core writes English and, beside it, a stable code
 * with the values the sentence needs; these helpers look the code up in the locale catalogue
 * (`cl_reason_*`, `cl_assumed_*`, `lint_*`) and fall back to the core's English when there is no
 * code (a lint made by hand or kept from an older version) or no entry for it.
 */
import { assumptionText, reasonText } from '../../core/classify';
import type { LintMessageId } from '../../core/lint-ids';
import type { ClassificationAssumption, ClassificationReason, Lint } from '../../core/types';
import { tOr, uiLocale } from './translate';

const number = (n: number): string => new Intl.NumberFormat(uiLocale()).format(n);

/** A classifier reason in the UI language, e.g. "Mehr als 15 % der aktiven Nutzer …" (the policy's line). */
export function reasonLine(r: ClassificationReason): string {
  // $1 the share affected, $2 the policy's line it was compared with.
  const subs =
    'threshold' in r
      ? [number(r.percent), number(r.threshold)]
      : 'percent' in r
        ? [number(r.percent)]
        : 'severity' in r
          ? [r.severity]
          : [];
  return tOr(reasonText(r), `cl_reason_${r.code}`, ...subs);
}

/** An assumption for an unanswered question, in the UI language, under the share-of-users line. */
export function assumptionLine(a: ClassificationAssumption, widespreadPercent: number): string {
  return tOr(
    assumptionText(a, widespreadPercent),
    `cl_assumed_${a}`,
    ...(a === 'over_threshold' ? [number(widespreadPercent)] : []),
  );
}

/**
 * Catalogue keys of lint sentences that predate `lint_*`: the review builder already had them.
 * Their wording does not depend on params beyond what the entry takes.
 */
const MESSAGE_KEYS: Partial<Record<LintMessageId, string>> = {
  vague_action: 'review_lintVague',
  missing_owner: 'review_lintMissingOwner',
  missing_due_date: 'review_lintMissingDue',
  due_date_past: 'review_lintDuePast',
  why_stops_at_person: 'review_lintWhyPerson',
  too_many_whys: 'review_lintTooManyWhys',
};
const SUGGESTION_KEYS: Partial<Record<LintMessageId, string>> = {
  vague_action: 'review_lintVagueSuggestion',
  why_stops_at_person: 'review_lintWhyPersonSuggestion',
};

/** The catalogue key of a lint sentence. */
export const lintMessageKey = (id: LintMessageId): string => MESSAGE_KEYS[id] ?? `lint_${id}`;
/** The catalogue key of a lint's suggestion. */
export const lintSuggestionKey = (id: LintMessageId): string =>
  SUGGESTION_KEYS[id] ?? `lint_${id}_hint`;

const subsOf = (l: Lint): (string | number)[] =>
  (l.params ?? []).map((p) => (typeof p === 'number' ? number(p) : p));

/** A lint's message in the UI language, or the core's English when it has no id or entry. */
export function lintLine(l: Lint): string {
  return l.messageId ? tOr(l.message, lintMessageKey(l.messageId), ...subsOf(l)) : l.message;
}

/** A lint's suggestion in the UI language, or the core's English (undefined when it has none). */
export function lintSuggestionLine(l: Lint): string | undefined {
  if (l.suggestion === undefined || !l.messageId) return l.suggestion;
  return tOr(l.suggestion, lintSuggestionKey(l.messageId), ...subsOf(l));
}
