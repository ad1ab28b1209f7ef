/**
 * The root cause in either form, chosen per review: the five whys, or contributing factors, each
 * with its evidence and the action items that address it. The blameless lint reads both.
 */
import type { Lint } from '../types';
import type { Review } from './model';

/** A lint located in the review, as `ReviewLint` (written out here so lint.ts can import this file). */
export interface FactorLint {
  path: string;
  lint: Lint;
}

/** The form a review uses (the five whys unless it chose factors). */
export const rootCauseForm = (review: Review) => review.rootCauseForm ?? 'whys';

/** True when the chosen form states a cause: a root cause sentence, or a described factor. */
export function rootCauseStated(review: Review): boolean {
  if (rootCauseForm(review) === 'factors')
    return (review.factors ?? []).some((f) => f.description.trim() !== '');
  return (review.rootCause ?? '').trim() !== '';
}

const warn = (messageId: Lint['messageId'], message: string): Lint => ({
  code: 'missing_element',
  level: 'warning',
  message,
  messageId,
});

/**
 * Structural lints of the factors form: none listed, a factor without evidence, a factor no action
 * item addresses. (Wording is linted by the caller, with the other text fields.)
 */
export function lintFactors(review: Review): FactorLint[] {
  const factors = review.factors ?? [];
  if (factors.length === 0)
    return [{ path: 'factors', lint: warn('missing_factors', 'List the contributing factors.') }];
  const ids = new Set(review.actionItems.map((a) => a.id));
  const out: FactorLint[] = [];
  factors.forEach((f, i) => {
    const path = `factors[${i}]`;
    if (f.evidence.trim() === '')
      out.push({
        path,
        lint: warn('factor_missing_evidence', 'Say what shows this factor played a part.'),
      });
    if (!f.actionItemIds.some((id) => ids.has(id)))
      out.push({
        path,
        lint: warn('factor_missing_action', 'Link an action item that addresses this factor.'),
      });
  });
  return out;
}
