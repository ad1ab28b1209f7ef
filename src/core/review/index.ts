/**
 * Blameless post-incident reviews: the model, prefill from the incident timeline, the five whys,
 * lints, stable Markdown / HTML exports, and action-item tracking.
 */
export {
  BLAMELESS_STATEMENT,
  MAX_WHYS,
  type AccountAtRisk,
  type ActionItem,
  type ActionItemStatus,
  type Review,
  type ReviewImpact,
  type ReviewTimelineEntry,
} from './model';
export {
  arrAtRisk,
  createReview,
  describeTimelineEvent,
  incidentDurationMinutes,
  incidentDuration,
  prefillTimeline,
} from './timeline';
export { httpsOnly, incidentFacts, peakSeverity, type IncidentFacts } from './facts';
export { nextWhyPrompt, whyChainFlags } from './whys';
export { blamelessLint, lintActionItem, lintReview, type ReviewLint } from './lint';
export { reviewToHtml, reviewToMarkdown } from './export';
export type { ExportOptions } from './sections';
export {
  actionItemDashboard,
  completionRates,
  remindersDue,
  type DashboardRow,
  type MonthlyCompletion,
} from './actions';
