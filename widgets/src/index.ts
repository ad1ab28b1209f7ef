/** The widget classes, without registering any tag (so you can pick your own names). */
// First, before lit loads: see trusted-types.ts.
import './trusted-types';
export { IncidentBanner } from './incident-banner/incident-banner';
export type {
  BannerLevel,
  BannerPosition,
  IncidentBannerChangeDetail,
  IncidentBannerDismissDetail,
} from './incident-banner/incident-banner';
export { StatusBadge } from './status-badge/status-badge';
export type { StatusBadgeChangeDetail } from './status-badge/status-badge';
export type { Theme } from './element';
export type { FeedState } from './feed-client/page-client';
export type { Catalog, Strings } from './i18n';
export { registerLocale } from './i18n';
export type { Feed, FeedIncident, Indicator } from '../../src/core/types';
