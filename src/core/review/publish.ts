/**
 * What stands between a review and publication. A published review meets the post-mortem duty,
 * so it must say what turns the incident into an improvement: a cause in the system, and action
 * items that are specific, owned and scheduled. A vague item ("improve monitoring") is held back
 * until it is rewritten or marked as a follow-up to define (which still needs an owner and a date).
 */
import { lintActionItem } from './lint';
import type { Review } from './model';
import { rootCauseStated } from './factors';

export type PublishBlockerCode = 'root_cause' | 'no_items' | 'incomplete_item' | 'vague_item';

export interface PublishBlocker {
  code: PublishBlockerCode;
  /** The field, as in ReviewLint paths: `rootCause`, `factors`, `actionItems[2]`. */
  path: string;
  /** English; views show their own sentence for the code. */
  message: string;
}

/** Every reason the review cannot be published yet, in reading order; empty when it can. */
export function publishBlockers(review: Review, now: number): PublishBlocker[] {
  const out: PublishBlocker[] = [];
  if (!rootCauseStated(review)) {
    const factors = review.rootCauseForm === 'factors';
    out.push({
      code: 'root_cause',
      path: factors ? 'factors' : 'rootCause',
      message: factors
        ? 'Describe at least one contributing factor before publishing.'
        : 'Name the root cause (the systemic condition) before publishing.',
    });
  }
  if (review.actionItems.length === 0)
    out.push({
      code: 'no_items',
      path: 'actionItems',
      message: 'Add at least one action item before publishing.',
    });
  review.actionItems.forEach((item, i) => {
    const lints = lintActionItem(item, now).filter((l) => l.level === 'error');
    const path = `actionItems[${i}]`;
    if (lints.some((l) => l.code !== 'vague_action')) {
      out.push({
        code: 'incomplete_item',
        path,
        message:
          'Every action item needs a description, an owner and a due date before publishing.',
      });
    } else if (lints.some((l) => l.code === 'vague_action')) {
      out.push({
        code: 'vague_item',
        path,
        message: `"${item.description.trim()}" is vague: rewrite it as a measurable result, or mark it as a follow-up to define.`,
      });
    }
  });
  return out;
}
