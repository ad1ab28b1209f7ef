/**
 * Blameless post-incident reviews: the model, prefill from the incident timeline, the five whys,
 * lints, stable Markdown / HTML exports, and action-item tracking.
 */
export {
  BLAMELESS_STATEMENT,
  MAX_WHYS,
  type AccountAtRisk,
  type ContributingFactor,
  type RootCauseForm,
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
export type { ExportCommunication } from './export-extra';
export {
  actionItemDashboard,
  completionRates,
  remindersDue,
  type DashboardRow,
  type MonthlyCompletion,
} from './actions';
export {
  communicationCompliance,
  type ComplianceReport,
  type DutyCompliance,
  type DutyOutcome,
  type CadenceCompliance,
  type CadenceSlot,
} from './compliance';
export {
  cadenceText,
  complianceSummary,
  complianceSummaryText,
  summaryPartText,
  type SummaryChannel,
  type SummaryPart,
} from './compliance-summary';
export {
  COMMS_METRICS,
  dashboardCsv,
  commsTally,
  monthlyCommsCompliance,
  monthlyCommsFromTallies,
  type CommsTally,
  type ChannelTally,
  type CommsMetric,
  type CommsReportOptions,
  type MonthlyComms,
} from './comms-monthly';
export { csvCell, toCsv } from './csv';
export {
  supportImpact,
  supportSignalFrom,
  type SupportImpact,
  type SupportSignal,
  type SupportSignalKind,
} from './support';
export { lintFactors, rootCauseForm, rootCauseStated } from './factors';
export { publishBlockers, type PublishBlocker, type PublishBlockerCode } from './publish';
export {
  calendarDaysBetween,
  digestReady,
  itemReminders,
  weeklyDigest,
  type ItemReminder,
  type ReminderStage,
  type WeeklyDigest,
} from './reminders';
export { openItemsChecklist, openItemsCsv } from './items-export';
export {
  highestSeverityReached,
  reviewRequirement,
  skipReasonProblem,
  type ReviewRequirement,
  type SkipProblem,
} from './rules';
export {
  reviewDashboard,
  reviewDashboardFrom,
  type DashboardData,
  type DashboardInput,
} from './dashboard';
