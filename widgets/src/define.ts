/** Registers `<incident-banner>` and `<status-badge>` (each guarded against double definition). */
// First, before lit loads: see trusted-types.ts.
import './trusted-types';
export { IncidentBanner } from './incident-banner/define';
export { StatusBadge } from './status-badge/define';
