import {
  cadenceText,
  complianceSummary,
  complianceSummaryText,
  type ComplianceReport,
  type DutyCompliance,
  type DutyOutcome,
  type SupportImpact,
} from '../../../core/review';
import { formatClock } from '../../../core/time';
import { languageOf } from '../../../core/language';
import { obligationLabel } from '../../i18n/obligation-label';
import { t, uiLocale } from '../../i18n/translate';
import { localTimeZone } from '../../ui/datetime-input';

const OUTCOME_KEYS: Record<DutyOutcome, string> = {
  met: 'rvc_onTime',
  late: 'rvc_late',
  missed: 'rvc_missed',
  pending: 'rvc_pending',
  standing: 'rvc_standing',
  not_applicable: 'rvc_notApplicable',
};

const minutes = (ms: number) => Math.ceil(ms / 60_000);

/** "14:17 (15 min)": a time of day, and its minutes after the duty's anchor. */
function when(at: number | null | undefined, anchorAt: number | null): string {
  if (at === null || at === undefined) return '—';
  // The compact time of day this panel has always shown ("14:17 (15 min)"), without the zone.
  const clock = formatClock(at, uiLocale(), { timeZone: localTimeZone(), zoneName: false });
  return anchorAt === null ? clock : t('rvc_atMinutes', clock, Math.max(0, minutes(at - anchorAt)));
}

function outcomeText(d: DutyCompliance): string {
  if (d.outcome === 'late' && d.lateMs !== undefined) return t('rvc_lateBy', minutes(d.lateMs));
  return t(OUTCOME_KEYS[d.outcome]);
}

/**
 * The review's communication section, computed from the incident's own timeline (never typed):
 * the one-line summary, every duty of its policy with when it was due and met, the update cadence,
 * and the support impact the overlay recorded (counts and times only).
 */
export function CompliancePanel({
  report,
  support,
  heading,
}: {
  report: ComplianceReport;
  support: SupportImpact | null;
  heading: 'h4' | 'h3';
}) {
  const H = heading;
  const language = languageOf(uiLocale());
  const line = complianceSummaryText(complianceSummary(report), language);
  const duties = report.duties.filter((d) => d.outcome !== 'not_applicable');
  return (
    <section aria-labelledby="rv-comms-h" class="comms" data-testid="rv-compliance">
      <H id="rv-comms-h">{t('rvc_heading')}</H>
      <p class="hint">{t('rvc_hint')}</p>
      {line === '' ? (
        <p>{t('rvc_none')}</p>
      ) : (
        <p class="summary-line" data-testid="rv-compliance-summary">
          {line}
        </p>
      )}
      {report.cadences.map((c) => (
        <p key={c.ruleId} data-testid="rv-cadence">
          <b>{t('rvc_cadence')}</b>{' '}
          {cadenceText(
            c.onTime,
            c.owed,
            c.longestGapMs === null ? null : Math.round(c.longestGapMs / 60_000),
            language,
          )}
        </p>
      ))}
      {duties.length > 0 && (
        <table data-testid="rv-duties">
          <caption class="sr">{t('rvc_tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('rvc_duty')}</th>
              <th scope="col">{t('rvc_due')}</th>
              <th scope="col">{t('rvc_met')}</th>
              <th scope="col">{t('rvc_result')}</th>
            </tr>
          </thead>
          <tbody>
            {duties.map((d) => (
              <tr key={d.ruleId} data-duty={d.ruleId} data-outcome={d.outcome}>
                <th scope="row">{obligationLabel({ ...d, everyMinutes: undefined })}</th>
                <td>{when(d.dueAt, d.anchorAt)}</td>
                <td>{when(d.metAt, d.anchorAt)}</td>
                <td class={d.outcome === 'late' || d.outcome === 'missed' ? 'overdue' : ''}>
                  {outcomeText(d)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <SupportPanel support={support} heading={H === 'h3' ? 'h4' : 'h5'} />
    </section>
  );
}

/** What the agent overlay saw of the incident: tickets matched, replies used, the first ticket. */
function SupportPanel({
  support,
  heading,
}: {
  support: SupportImpact | null;
  heading: 'h4' | 'h5';
}) {
  const H = heading;
  return (
    <div data-testid="rv-support">
      <H>{t('rvs_heading')}</H>
      {support === null ? (
        <p class="hint">{t('rvs_notLinked')}</p>
      ) : (
        <ul>
          <li>{t('rvs_tickets', support.ticketsMatched)}</li>
          <li>{t('rvs_replies', support.repliesCopied, support.repliesInserted)}</li>
          {support.firstTicketVsDeclaredMs !== null && (
            <li data-testid="rv-first-ticket">
              {firstTicket(support.firstTicketVsDeclaredMs)}
              {support.customersFirst && <b class="overdue"> {t('rvs_customersFirst')}</b>}
            </li>
          )}
        </ul>
      )}
      <p class="hint">{t('rvs_hint')}</p>
    </div>
  );
}

function firstTicket(vs: number): string {
  const m = Math.round(Math.abs(vs) / 60_000);
  if (m === 0) return t('rvs_firstAt');
  return vs < 0 ? t('rvs_firstBefore', m) : t('rvs_firstAfter', m);
}
