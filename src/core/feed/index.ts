/** Statuspage v2 (and compatible) feeds: parsing and the questions views ask of them. */
export { emptyFeed, parseFeed } from './parse';
export type { ParseOptions } from './parse';
export { parseSummary } from './summary';
export { describeCap, isUsableFeed } from './usable';
export { describeProblem } from './problems';
export {
  activeIncidents,
  componentMatcher,
  componentStatus,
  effectiveIndicator,
  isActive,
  latestUpdate,
  matchesComponents,
  parseComponentList,
  relevantMaintenances,
} from './query';
export { impactToSeverity, severityLabel } from './levels';
export { htmlToText } from './text';
