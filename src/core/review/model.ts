/**
 * The blameless post-incident review, structured as docs/policy.md lays it out: timeline
 * reconstruction, impact quantification, root cause (five whys), mitigations and action items.
 * Plain JSON (times in epoch ms) so it stores in IndexedDB and exports unchanged.
 */

/** One line of the minute-by-minute timeline; `validatedBy` names the team member who confirmed it. */
export interface ReviewTimelineEntry {
  id: string;
  at: number;
  text: string;
  validatedBy?: string;
}

/** An account at risk, with its annual recurring revenue. */
export interface AccountAtRisk {
  name: string;
  arr: number;
}

/** Impact quantification: how many customers, for how long, and the ARR at risk. */
export interface ReviewImpact {
  customersAffected?: number;
  /** Computed by `incidentDurationMinutes`; stored so the export needs no events. */
  durationMinutes?: number;
  /** Entered estimate; when absent, `arrAtRisk()` sums `accounts`. */
  arrAtRisk?: number;
  accounts: AccountAtRisk[];
}

/** `wont_do` is a deliberate decision not to do an item; it leaves completion-rate maths. */
export type ActionItemStatus = 'open' | 'done' | 'wont_do';

/**
 * A specific, owned, scheduled action ("Mehmet will add the review step to the runbook by
 * March 15"). `dueAt` is the deadline instant: a view that picks a calendar date should store the
 * end of that day in the team's time zone, so "by March 15" includes March 15.
 */
export interface ActionItem {
  id: string;
  description: string;
  /** Free text; blank means unowned (linted). */
  owner: string;
  dueAt?: number;
  status: ActionItemStatus;
  createdAt: number;
  doneAt?: number;
  statusChangedAt?: number;
}

/** A post-incident review. `whys` holds up to five answers, in order. */
export interface Review {
  id: string;
  incidentId: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  publishedAt?: number;
  timeline: ReviewTimelineEntry[];
  impact: ReviewImpact;
  whys: string[];
  rootCause?: string;
  mitigations: string[];
  actionItems: ActionItem[];
  participants: string[];
  summary?: string;
}

/** Written into every export: the review looks at systems, not at people. */
export const BLAMELESS_STATEMENT =
  'This review is blameless: it looks for the conditions in our systems and processes that allowed the incident, not for someone to blame.';

/** The five whys stop at five (docs/policy.md). */
export const MAX_WHYS = 5;
