/** Registers `<incident-banner>` and `<status-badge>` (each guarded against double definition). */
export { IncidentBanner } from './incident-banner/define';
export { StatusBadge } from './status-badge/define';
