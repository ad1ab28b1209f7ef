import type { ComponentChildren } from 'preact';
import { latestPublicUpdate } from '../../../core/comms/support';
import { startedAt } from '../../../core/feed/since';
import { formatClock, formatDuration, formatRelative } from '../../../core/time';
import type { ObligationStatus } from '../../../core/types';
import type { OverlayIncident } from '../../messaging/overlay-state';
import { Deadlines } from './deadlines';
import { obligationLabel } from '../../i18n/obligation-label';
import { t, tOr, uiLocale } from '../../i18n/translate';
import { SeverityChip, chipLevel } from './severity';

/** Names of the components an incident affects, from the incident and its updates, deduplicated. */
export function affectedNames(item: OverlayIncident): string[] {
  const names = new Set<string>();
  for (const c of item.incident.components) names.add(c.name);
  for (const u of item.incident.updates) for (const c of u.affectedComponents) names.add(c.name);
  return [...names].filter((n) => n.trim() !== '');
}

/** The localised status word; an unknown status shows as the raw value, never blank. */
export function statusText(status: string): string {
  return tOr(status, `status_${status}`);
}

/**
 * "Started 14:05 UTC (2 hr 14 min ago)": a time in the agent's own zone, named, in the UI locale
 * (with the date when it is not today), and the time since it.
 */
function sinceText(key: string, at: number, now: number): string {
  const locale = uiLocale();
  return t(key, formatClock(at, locale, { now }), formatDuration(now - at, locale));
}

/** Since when, and where (issue 19, item 8): the start and the link to the incident itself. */
function Since({ item, now }: { item: OverlayIncident; now: number }) {
  const start = startedAt(item.incident);
  return (
    <>
      <p class="meta since">
        {start > now ? sinceText('card_starts', start, now) : sinceText('card_started', start, now)}
      </p>
      {item.incidentUrl && (
        <p class="meta">
          {/* Checked by the worker: https, on the source's or its status page's host only. */}
          <a
            class="incident-link"
            href={item.incidentUrl}
            target="_blank"
            rel="noopener noreferrer"
          >
            {t('card_link')}
          </a>
        </p>
      )}
    </>
  );
}

interface Props {
  item: OverlayIncident;
  /** Render time for the age of the latest update (the card itself does not tick). */
  now: number;
  headingLevel?: 2 | 3 | 4;
  /** Actions and notes shown under the update (copy reply, match badge). */
  children?: ComponentChildren;
  /** Marks a duty an agent did (see Deadlines). */
  onMarkDone?: (o: ObligationStatus) => void;
}

/**
 * One active incident: severity, status, affected components, the latest public update (as text,
 * never HTML) with its age, and live countdowns. Shared by the overlay panel and the popup.
 */
export function IncidentCard({ item, now, headingLevel = 3, children, onMarkDone }: Props) {
  const { incident } = item;
  const latest = latestPublicUpdate(incident);
  const components = affectedNames(item);
  const H = (['h2', 'h3', 'h4'] as const)[headingLevel - 2] ?? 'h3';
  return (
    <article
      class={item.endedAt === undefined ? 'card' : 'card card-resolved'}
      aria-label={incident.name}
    >
      <H class="card-title">
        <SeverityChip level={chipLevel(incident)} /> <span>{incident.name}</span>
      </H>
      {item.endedAt !== undefined && (
        <p class="meta resolved-note">
          <strong>{sinceText('card_resolved', item.endedAt, now)}</strong>
        </p>
      )}
      {item.internal ? (
        <p class="meta internal" data-testid="internal">
          <strong>{t('card_internal')}</strong>
          {item.internal.declaredBy && (
            <span class="muted"> · {t('card_declaredBy', item.internal.declaredBy)}</span>
          )}
        </p>
      ) : (
        <p class="meta">
          <span>{t('card_status', statusText(incident.status))}</span>
          <span class="muted"> · {item.sourceName}</span>
        </p>
      )}
      <Since item={item} now={now} />
      {components.length > 0 && <p class="meta">{t('card_components', components.join(', '))}</p>}
      {latest ? (
        <div>
          <p class="muted meta">
            {t('card_latestUpdate', formatRelative(latest.displayAt, now, uiLocale()))}
          </p>
          <p class="update">{latest.body}</p>
        </div>
      ) : (
        <p class="muted">{t('card_noUpdate')}</p>
      )}
      <Deadlines obligations={item.obligations} {...(onMarkDone ? { onMarkDone } : {})} />
      <DoneBy item={item} />
      {children}
    </article>
  );
}

/** Team mode: the duties someone in the team did, with their name and the time. */
function DoneBy({ item }: { item: OverlayIncident }) {
  const seen = new Set<string>();
  const rows = item.obligations.flatMap((o) => {
    const d = item.doneBy?.[o.ruleId];
    if (!d || seen.has(o.ruleId)) return [];
    seen.add(o.ruleId);
    return [{ o, d }];
  });
  if (rows.length === 0) return null;
  return (
    <ul class="done-by" aria-label={t('card_doneList')}>
      {rows.map(({ o, d }) => (
        <li key={o.ruleId} data-rule={o.ruleId}>
          {t('card_doneBy', obligationLabel(o), d.by, formatClock(d.at, uiLocale()))}
        </li>
      ))}
    </ul>
  );
}
