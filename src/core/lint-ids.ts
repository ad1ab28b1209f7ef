/**
 * Stable ids of the sentences the lints write. A `Lint.code` says what kind of problem it is and
 * may cover several sentences (`missing_element` is five different requests); `messageId` says
 * which sentence `message` is, so a view can show it in the UI language with `params` filled in.
 * The English `message` and `suggestion` stay the core's own output.
 */

/** Every message id a lint can carry, with the `params` its sentence takes, in order. */
export const LINT_MESSAGE_IDS = [
  // message lints (comms/lint.ts)
  'update_missing_impact', // —
  'update_missing_learned', // —
  'update_missing_next_update', // —
  'initial_missing_next_update', // —
  'resolution_missing_resolved', // —
  'initial_missing_next_update_time', // —
  'resolution_missing_postmortem', // —
  'resolution_postmortem_not_required', // —
  'next_update_in_past', // —
  'next_update_too_late', // [minutes away, cadence minutes]
  'stated_next_update_too_late', // [stated minutes, cadence minutes]
  'promised_resolution_time', // [the promising phrase]
  // public title lints (comms/title.ts)
  'public_title_missing', // —
  'public_title_is_internal', // —
  'public_title_too_long', // [maximum characters]
  'public_title_internal', // [the internal phrase]
  // blaming language (comms/blame.ts), in messages and reviews
  'blame_human_error', // —
  'blame_should_have', // —
  'blame_judging_word', // —
  'blame_fault', // —
  'blame_mistake_by', // —
  'blame_person_cause', // —
  'blame_named_cause', // [the name]
  // review lints (review/lint.ts, review/whys.ts)
  'action_missing_description', // —
  'vague_action', // [the vague phrase]
  'missing_owner', // —
  'missing_due_date', // —
  'due_date_past', // —
  'unvalidated_timeline_one', // [count, always 1]
  'unvalidated_timeline_many', // [count]
  'too_many_whys', // [the maximum]
  'why_stops_at_person', // —
  'missing_root_cause', // —
  'missing_action_items', // —
  // contributing factors (review/factors.ts)
  'missing_factors', // —
  'factor_missing_evidence', // —
  'factor_missing_action', // —
] as const;

export type LintMessageId = (typeof LINT_MESSAGE_IDS)[number];

/** The message ids whose lints also carry a `suggestion` (the same sentence for every lint of the id). */
export const LINT_SUGGESTION_IDS: readonly LintMessageId[] = [
  'promised_resolution_time',
  'public_title_internal',
  'blame_human_error',
  'blame_should_have',
  'blame_judging_word',
  'blame_fault',
  'blame_mistake_by',
  'blame_person_cause',
  'blame_named_cause',
  'vague_action',
  'why_stops_at_person',
];
