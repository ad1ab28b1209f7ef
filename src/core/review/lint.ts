/** Review lints: blameless wording, specific / owned / dated action items, and the whole review. */
import type { Lint } from '../types';
import { findBlame } from '../comms/blame';
import { withoutDates } from './dates';
import { MAX_WHYS, type ActionItem, type Review } from './model';
import { whyChainFlags } from './whys';
import { lintFactors, rootCauseForm } from './factors';

/**
 * Blameless-wording lint for any review text: "human error", "should have", "careless", "fault",
 * and names next to fault verbs, each with a systemic rewording in `suggestion`.
 */
export function blamelessLint(text: string): Lint[] {
  return findBlame(text);
}

/** Phrases that promise effort, not a result; flagged wherever they appear. */
const ALWAYS_VAGUE =
  /\b(?:look(?:ing)?\s+into|be\s+more\s+careful|try\s+to|monitor\s+better|keep\s+an\s+eye\s+on|think\s+about|consider|raise\s+awareness)\b/i;
/**
 * Verbs that are vague unless the item names a measurable result (a number, "so that", "until").
 * A date is not a result: `MEASURABLE` is tested on the text without its due phrases.
 */
const VAGUE_VERB =
  /\b(?:improve|investigate|enhance|optimi[sz]e|revisit|work\s+on|address|follow\s+up(?:\s+on)?|strengthen|streamline|refine|clean\s+up)\b|^\s*(?:review|check|better)\b/i;
/**
 * An item whose whole object names nothing ("Fix things", "Update the process", "Sort it out"):
 * whatever the verb, nobody can tell when it is done. Group 1 is the object.
 */
const VAGUE_OBJECT =
  /^\s*[a-z]+(?:\s+(?:up|out|on))?\s+(?:(?:the|our|some|all|these|those|any)\s+)?(things|stuff|issues|problems|everything|it|this|that|process(?:es)?)(?:\s+(?:out|up))?[\s.!]*$/i;
const MEASURABLE = /\d|\bso\s+that\b|\buntil\b|\bto\s+(?:under|below|above|at\s+least)\b/i;

const VAGUE_SUGGESTION =
  'Say what will exist when it is done, e.g. "Add the deployment configuration change review step to the runbook".';

/**
 * Lints one action item against the domain rule "specific, owned, and scheduled": vague verbs
 * without a measurable result (error; a warning once the item is marked as a follow-up to
 * define), missing owner or due date (error), and — for open items
 * only — a due date already past (warning: the item is overdue, which is a fact, not a mistake).
 */
export function lintActionItem(item: ActionItem, now: number): Lint[] {
  const lints: Lint[] = [];
  const d = item.description;
  if (d.trim() === '') {
    lints.push({
      code: 'missing_element',
      level: 'error',
      message: 'Describe the action.',
      messageId: 'action_missing_description',
    });
  }
  const always = ALWAYS_VAGUE.exec(d);
  const undated = withoutDates(d);
  const verb = always ?? (MEASURABLE.test(undated) ? null : VAGUE_VERB.exec(d));
  const object = verb ? null : VAGUE_OBJECT.exec(undated);
  if (object?.[1]) {
    const start = object.index + object[0].indexOf(object[1], object[0].search(/\s/));
    lints.push({
      code: 'vague_action',
      level: item.toDefine ? 'warning' : 'error',
      message: `"${object[1]}" does not say what result will exist when the item is done`,
      messageId: 'vague_action',
      params: [object[1]],
      suggestion: VAGUE_SUGGESTION,
      start,
      end: start + object[1].length,
    });
  }
  if (verb) {
    lints.push({
      code: 'vague_action',
      // A vague item cannot be published (see publish.ts) until marked as a follow-up to define.
      level: item.toDefine ? 'warning' : 'error',
      message: `"${verb[0]}" does not say what result will exist when the item is done`,
      messageId: 'vague_action',
      params: [verb[0]],
      suggestion: VAGUE_SUGGESTION,
      start: verb.index,
      end: verb.index + verb[0].length,
    });
  }
  if (item.owner.trim() === '') {
    lints.push({
      code: 'missing_owner',
      level: 'error',
      message: 'Give the action item an owner.',
      messageId: 'missing_owner',
    });
  }
  if (item.dueAt === undefined || !Number.isFinite(item.dueAt)) {
    lints.push({
      code: 'missing_due_date',
      level: 'error',
      message: 'Give the action item a due date.',
      messageId: 'missing_due_date',
    });
  } else if (item.status === 'open' && item.dueAt < now) {
    lints.push({
      code: 'due_date_past',
      level: 'warning',
      message: 'This open item is past its due date.',
      messageId: 'due_date_past',
    });
  }
  return lints;
}

/** A lint located in a review: `path` names the field, e.g. `whys[4]`, `actionItems[0]`. */
export interface ReviewLint {
  path: string;
  lint: Lint;
}

/** The five-whys form: wording of each answer, the chain's length and end, the root cause. */
function lintWhys(
  review: Review,
  out: ReviewLint[],
  text: (path: string, value: string | undefined) => void,
): void {
  review.whys.forEach((w, i) => text(`whys[${i}]`, w));
  if (review.whys.length > MAX_WHYS) {
    out.push({
      path: 'whys',
      lint: {
        code: 'too_many_whys',
        level: 'warning',
        message: `Keep the chain to ${MAX_WHYS} whys.`,
        messageId: 'too_many_whys',
        params: [MAX_WHYS],
      },
    });
  }
  const lastWhy = Math.max(
    0,
    review.whys.findLastIndex((w) => w.trim() !== ''),
  );
  for (const lint of whyChainFlags(review.whys)) out.push({ path: `whys[${lastWhy}]`, lint });
  text('rootCause', review.rootCause);
  if (!review.rootCause?.trim()) {
    out.push({
      path: 'rootCause',
      lint: {
        code: 'missing_element',
        level: 'warning',
        message: 'State the root cause: the systemic conditions that enabled the incident.',
        messageId: 'missing_root_cause',
      },
    });
  }
}

/**
 * Every lint in a review, in reading order: blameless wording in each text field, the root cause
 * in the form the review chose (the why chain, or the contributing factors), action items, and structural gaps (no root cause, no action items, unvalidated timeline lines).
 */
export function lintReview(review: Review, now: number): ReviewLint[] {
  const out: ReviewLint[] = [];
  const text = (path: string, value: string | undefined): void => {
    if (value) for (const lint of blamelessLint(value)) out.push({ path, lint });
  };
  text('title', review.title);
  text('summary', review.summary);
  review.timeline.forEach((e, i) => text(`timeline[${i}].text`, e.text));
  const unvalidated = review.timeline.filter((e) => !e.validatedBy?.trim()).length;
  if (unvalidated > 0) {
    out.push({
      path: 'timeline',
      lint: {
        code: 'unvalidated_timeline',
        level: 'warning',
        message: `${unvalidated} timeline ${unvalidated === 1 ? 'entry is' : 'entries are'} not yet validated by a team member who was involved.`,
        messageId: unvalidated === 1 ? 'unvalidated_timeline_one' : 'unvalidated_timeline_many',
        params: [unvalidated],
      },
    });
  }
  if (rootCauseForm(review) === 'factors') {
    (review.factors ?? []).forEach((f, i) => {
      text(`factors[${i}].description`, f.description);
      text(`factors[${i}].evidence`, f.evidence);
    });
    out.push(...lintFactors(review));
  } else lintWhys(review, out, text);
  review.mitigations.forEach((m, i) => text(`mitigations[${i}]`, m));
  review.actionItems.forEach((a, i) => {
    for (const lint of lintActionItem(a, now)) out.push({ path: `actionItems[${i}]`, lint });
    text(`actionItems[${i}].description`, a.description);
  });
  if (review.actionItems.length === 0) {
    out.push({
      path: 'actionItems',
      lint: {
        code: 'missing_element',
        level: 'warning',
        message: 'Add at least one action item.',
        messageId: 'missing_action_items',
      },
    });
  }
  return out;
}
