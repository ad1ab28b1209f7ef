import type { Severity } from '../types';

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
  /** From the start of impact to resolution (`incidentFacts`); stored so the export needs no events. */
  durationMinutes?: number;
  /** From the start of impact to the declaration. */
  timeToDetectMinutes?: number;
  /** From the declaration to resolution. */
  timeToResolveMinutes?: number;
  /** Entered estimate; when absent, `arrAtRisk()` sums `accounts`. */
  arrAtRisk?: number;
  /** ISO 4217 code of every ARR figure (`EUR`, `USD`); shown with them. */
  arrCurrency?: string;
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
  /**
   * Marked as a follow-up to define: the team knows the area but not yet the result, so a vague
   * description may be published, as long as the item has an owner and a date to define it by.
   */
  toDefine?: boolean;
}

/** Five whys, or contributing factors (the blame-aware school's form), chosen per review. */
export type RootCauseForm = 'whys' | 'factors';

/** A condition that contributed, what shows it, and the action items that address it. */
export interface ContributingFactor {
  id: string;
  description: string;
  /** What shows the factor played a part: a graph, a log line, a timeline entry. */
  evidence: string;
  /** Ids of the review's action items that address this factor. */
  actionItemIds: string[];
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
  /** Which root-cause form the review uses; absent means the five whys. */
  rootCauseForm?: RootCauseForm;
  /** The contributing factors, when `rootCauseForm` is `factors`. */
  factors?: ContributingFactor[];
  mitigations: string[];
  actionItems: ActionItem[];
  participants: string[];
  summary?: string;
  /** When impact began, which may be before the incident was declared. */
  startedAt?: number;
  /** The most severe level the incident reached. */
  peakSeverity?: Severity;
  /** The public incident on the status page (https only). */
  statuspageUrl?: string;
  /** What went well in the response. */
  wentWell?: string;
  /** What to improve in the response (the action items make it concrete). */
  toImprove?: string;
}

/** Written into every export: the review looks at systems, not at people. */
export const BLAMELESS_STATEMENT =
  'This review is blameless: it looks for the conditions in our systems and processes that allowed the incident, not for someone to blame.';

/** The five whys stop at five (docs/policy.md). */
export const MAX_WHYS = 5;
