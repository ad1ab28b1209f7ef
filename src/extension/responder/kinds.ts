import type { Severity, TimelineEventType } from '../../core/types';
import type { StatuspageImpact, StatuspageIncidentStatus } from '../statuspage/types';
import type { MessageKind } from './protocol';

/** The composer's kinds in the order the tabs show them (resolution is drafted in Resolve). */
export const COMPOSER_KINDS = ['initial', 'update', 'customer_email', 'exec', 'banner'] as const;

/** The timeline event that records a message as posted / sent / shown. */
export const EVENT_FOR_KIND: Readonly<Record<MessageKind, TimelineEventType>> = {
  initial: 'status_page_posted',
  update: 'update_posted',
  resolution: 'resolved',
  customer_email: 'customers_notified',
  exec: 'execs_notified',
  banner: 'banner_shown',
};

/** Kinds that go on the public status page (and so may be published through the API). */
export const isStatusPageKind = (k: MessageKind): k is 'initial' | 'update' | 'resolution' =>
  k === 'initial' || k === 'update' || k === 'resolution';

/** The Statuspage status a message kind proposes; the responder can change it. */
export const DEFAULT_STATUS: Readonly<
  Record<'initial' | 'update' | 'resolution', StatuspageIncidentStatus>
> = {
  initial: 'investigating',
  update: 'identified',
  resolution: 'resolved',
};

/** `impact_override` for a severity: SEV-1 critical … SEV-4 none (the feed model's mapping reversed). */
export function impactFor(severity: Severity | null): StatuspageImpact | undefined {
  if (severity === null) return undefined;
  return (['critical', 'major', 'minor', 'none'] as const)[severity - 1];
}
