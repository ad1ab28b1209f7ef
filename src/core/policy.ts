/**
 * The response policy: severity levels, their criteria and their obligations.
 * `DEFAULT_POLICY` is the table in docs/policy.md, which explains where each rule comes from; every number in
 * it is a default a team may change in settings (and `validatePolicy` checks what they change it to).
 */
import { DEFAULT_CLASSIFICATION } from './classify';
import { severityLabel } from './feed/levels';
import type {
  ClassificationThresholds,
  ObligationRule,
  Policy,
  Severity,
  SeverityLevel,
} from './types';

export { validatePolicy, CHANNELS, ANCHORS, ONLY_IF, EVENT_TYPES } from './policy-validate';

/** Minutes to the first public status-page post after classification (SEV-1, SEV-2, public SEV-3). */
const STATUS_PAGE_MINUTES = 15;
// The next two are stated twice: as the policy's top-level numbers (which the messages quote) and in the
// 'status_updates' / 'postmortem' rules and labels (which the deadline engine and the views use).
// `validatePolicy` refuses a policy where the copies disagree.
/** "We will update every 30 minutes." */
const UPDATE_CADENCE_MINUTES = 30;
/** "We will publish a full post-mortem within 48 hours." */
const POSTMORTEM_HOURS = 48;
/** "> 10% of the active user base" (SEV-2) / "< 10% of users" (SEV-3); the SEV-2/3 criteria name it too. */
const WIDESPREAD = DEFAULT_CLASSIFICATION.widespreadPercent;

const statusPage = (onlyIf?: ObligationRule['onlyIf']): ObligationRule => ({
  id: 'status_page',
  label: 'Public status page updated',
  channel: 'status_page',
  anchor: 'classified',
  dueMinutes: STATUS_PAGE_MINUTES,
  // The first update on the page meets it whichever event type the responder recorded.
  metBy: ['status_page_posted', 'update_posted'],
  ...(onlyIf ? { onlyIf } : {}),
});

/**
 * Recurring status-page updates. The first is due one cadence after classification (so it only bites when the
 * initial post is also missing); after that each is due one cadence after the last post, as the posted
 * "next update time" promises.
 */
const statusUpdates: ObligationRule = {
  id: 'status_updates',
  label: `Status page update every ${UPDATE_CADENCE_MINUTES} min (impact, learned, next update time)`,
  channel: 'status_page',
  anchor: 'classified',
  dueMinutes: UPDATE_CADENCE_MINUTES,
  repeatEveryMinutes: UPDATE_CADENCE_MINUTES,
  metBy: ['status_page_posted', 'update_posted'],
};

const customerEmail = (
  dueMinutes: number,
  label: string,
  onlyIf?: ObligationRule['onlyIf'],
): ObligationRule => ({
  id: 'customer_email',
  label,
  channel: 'customer_email',
  anchor: 'classified',
  dueMinutes,
  metBy: ['customers_notified'],
  ...(onlyIf ? { onlyIf } : {}),
});

const banner: ObligationRule = {
  id: 'in_app_banner',
  label: 'In-app banner shown while the incident is open',
  channel: 'banner',
  anchor: 'classified',
  dueMinutes: 0,
  metBy: ['banner_shown'],
  standing: true,
};

const postmortem: ObligationRule = {
  id: 'postmortem',
  label: `Post-mortem published within ${POSTMORTEM_HOURS} h of resolution`,
  channel: 'postmortem',
  anchor: 'resolved',
  dueMinutes: POSTMORTEM_HOURS * 60,
  metBy: ['review_published'],
};

/** The default policy: exactly the table in docs/policy.md. */
export const DEFAULT_POLICY: Policy = {
  version: 1,
  name: 'Default (domain text)',
  dueSoonMinutes: 5,
  updateCadenceMinutes: UPDATE_CADENCE_MINUTES,
  postmortemHours: POSTMORTEM_HOURS,
  classification: { widespreadPercent: WIDESPREAD },
  levels: [
    {
      severity: 1,
      name: 'Critical',
      criteria: [
        'Complete product outage or data loss event',
        'Zero users can access the core product',
        'Confirmed data integrity breach',
      ],
      obligations: [
        {
          id: 'bridge_call',
          label: 'All-hands bridge call',
          channel: 'bridge',
          anchor: 'classified',
          dueMinutes: 0,
          metBy: ['bridge_opened'],
        },
        statusPage(),
        customerEmail(30, 'Customer notification (proactive email to enterprise accounts)'),
        {
          id: 'exec_notice',
          label: 'CEO and board notified',
          channel: 'exec',
          anchor: 'classified',
          dueMinutes: 60,
          metBy: ['execs_notified'],
        },
        statusUpdates,
        banner,
        postmortem,
      ],
    },
    {
      severity: 2,
      name: 'Major',
      criteria: [
        `Significant feature unavailable for more than ${WIDESPREAD}% of the active user base`,
        'A critical feature broken for all enterprise tier accounts',
      ],
      obligations: [
        {
          id: 'engage_on_call',
          label: 'Engineering lead and on-call rotation engaged',
          channel: 'engagement',
          anchor: 'classified',
          dueMinutes: 0,
          metBy: ['engineer_assigned'],
        },
        {
          id: 'coordination_meeting',
          label: 'Cross-functional coordination meeting',
          channel: 'coordination',
          anchor: 'classified',
          dueMinutes: 30,
          metBy: ['meeting_held'],
        },
        statusPage(),
        customerEmail(60, 'Customer notification (proactive email to enterprise accounts)'),
        statusUpdates,
        banner,
        postmortem,
      ],
    },
    {
      severity: 3,
      name: 'Minor',
      criteria: [
        `Isolated feature degradation affecting less than ${WIDESPREAD}% of users`,
        'A non-critical feature broken',
      ],
      obligations: [
        {
          // The domain gives no deadline ("standard working-hours escalation"), so it is a standing duty:
          // shown until done, never overdue.
          id: 'engineer_assigned',
          label: 'Engineer assigned (standard working-hours escalation)',
          channel: 'engagement',
          anchor: 'classified',
          dueMinutes: 0,
          metBy: ['engineer_assigned'],
          standing: true,
        },
        statusPage('publicly_visible'),
        // "No proactive customer contact unless the affected feature is commonly used". The domain gives no
        // deadline; 60 min (the SEV-2 figure) is this product's default.
        customerEmail(
          60,
          'Customer notification (the affected feature is commonly used)',
          'commonly_used',
        ),
      ],
    },
    {
      severity: 4,
      name: 'Low',
      criteria: ['Minor bug with a known workaround', 'No widespread customer impact'],
      obligations: [
        {
          // "No escalation": a standing duty, so nothing ever counts down or turns overdue.
          id: 'tracked_bug',
          label: 'Logged as a tracked bug in the engineering backlog (no escalation)',
          channel: 'tracking',
          anchor: 'classified',
          dueMinutes: 0,
          metBy: ['bug_logged'],
          standing: true,
        },
      ],
    },
  ],
};

/**
 * The level for a severity. A policy that lacks it (only possible if it skipped `validatePolicy`) falls back
 * to the default policy's level, so callers never have to handle a missing level.
 */
export function levelFor(policy: Policy, severity: Severity): SeverityLevel {
  const level =
    policy.levels.find((l) => l.severity === severity) ??
    DEFAULT_POLICY.levels.find((l) => l.severity === severity);
  // DEFAULT_POLICY has all four levels, so this only guards against a caller passing a non-severity.
  if (!level) throw new RangeError(`No level for severity ${String(severity)}`);
  return level;
}

/** Display name of a severity, as docs/policy.md writes it: `SEV-1 (Critical)`. */
export function severityName(policy: Policy, severity: Severity): string {
  return `${severityLabel(severity)} (${levelFor(policy, severity).name})`;
}

/** The classifier's figures under a policy; a policy saved before they existed uses the domain's. */
export const classificationOf = (policy: Policy): ClassificationThresholds =>
  policy.classification ?? DEFAULT_CLASSIFICATION;
