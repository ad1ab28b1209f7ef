/** Impact, severity and indicator scales, and the enum sets they are read with. */
import type { ComponentStatus, Impact, Indicator, Severity } from '../types';

/** Component statuses Statuspage documents. */
export const COMPONENT_STATUSES: ReadonlySet<string> = new Set([
  'operational',
  'degraded_performance',
  'partial_outage',
  'major_outage',
  'under_maintenance',
]);

/** Page indicators Statuspage documents. */
export const INDICATORS: ReadonlySet<string> = new Set([
  'none',
  'minor',
  'major',
  'critical',
  'maintenance',
]);

/**
 * Nearest SEV level for a Statuspage impact: critical→1, major→2, minor→3, none→4;
 * maintenance and unknown have no severity (null).
 */
export function impactToSeverity(impact: Impact): Severity | null {
  switch (impact) {
    case 'critical':
      return 1;
    case 'major':
      return 2;
    case 'minor':
      return 3;
    case 'none':
      return 4;
    default:
      return null;
  }
}

/** "SEV-1" … "SEV-4". */
export function severityLabel(s: Severity): string {
  return `SEV-${s}`;
}

const RANK: Record<Indicator, number> = {
  unknown: -1,
  none: 0,
  maintenance: 1,
  minor: 2,
  major: 3,
  critical: 4,
};

/** The worse of two indicators (critical > major > minor > maintenance > none > unknown). */
export function worseIndicator(a: Indicator, b: Indicator): Indicator {
  return RANK[b] > RANK[a] ? b : a;
}

/** How a component status shows on the page indicator scale. */
export function componentIndicator(s: ComponentStatus): Indicator {
  switch (s) {
    case 'major_outage':
      return 'critical';
    case 'partial_outage':
      return 'major';
    case 'degraded_performance':
      return 'minor';
    case 'under_maintenance':
      return 'maintenance';
    case 'operational':
      return 'none';
    default:
      return 'unknown';
  }
}
