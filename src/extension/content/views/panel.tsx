import type { RefObject } from 'preact';
import type { Language } from '../../../core/language';
import { formatClock } from '../../../core/time';
import type { OverlayState } from '../../messaging/overlay-state';
import { t, tn, uiLocale } from '../../i18n/translate';
import { anyLiveDeadline } from '../../ui/components/deadlines';
import { IncidentCard } from '../../ui/components/incident-card';
import { useNow } from '../../ui/hooks/use-now';
import { staleSince } from '../../ui/hooks/use-overlay';
import { cornerPosition, type Corner } from '../../sites/corner';
import type { TicketMatch } from './match';
import type { OverlayPorts } from './ports';
import { CopyReply, InternalReply } from './reply';

interface Props {
  state: OverlayState;
  /** The customer reply's language for this ticket, and the agent's choice of it. */
  language: Language;
  onLanguage(l: Language): void;
  corner: Corner;
  match: TicketMatch | null;
  ports: OverlayPorts;
  onClose(): void;
  headingRef: RefObject<HTMLHeadingElement | null>;
}

/** The panel opens away from the pill's corner edge so the two never overlap. */
function panelPosition(corner: Corner): Record<string, string> {
  const pos = cornerPosition(corner, 16);
  const v = corner.startsWith('top') ? 'top' : 'bottom';
  return { ...pos, [v]: '64px' };
}

/**
 * The incident panel: one card per active incident, the ticket match highlighted and listed
 * first, and a notice with the failing sources when the data may be stale. Esc closes it (the
 * host wires that); focus moves to the heading on open.
 */
export function Panel({
  state,
  corner,
  match,
  ports,
  onClose,
  headingRef,
  language,
  onLanguage,
}: Props) {
  const reply = { ports, language, onLanguage };
  const resolved = state.resolved ?? [];
  // Ages only need refreshing while something ticks anyway; a quiet panel runs no timer.
  const now = useNow(anyLiveDeadline(state.incidents));
  const since = staleSince(state);
  const items = [...state.incidents].sort(
    (a, b) =>
      Number(match?.key === `${b.sourceId}|${b.incident.id}`) -
      Number(match?.key === `${a.sourceId}|${a.incident.id}`),
  );
  return (
    <section
      id="lens-panel"
      class="panel"
      role="dialog"
      aria-labelledby="lens-panel-title"
      style={panelPosition(corner)}
    >
      <header class="panel-head">
        <h2 id="lens-panel-title" tabIndex={-1} ref={headingRef}>
          {t('panel_title', state.incidents.length + (state.omitted ?? 0))}
        </h2>
        <button type="button" class="secondary" onClick={onClose}>
          {t('panel_close')}
        </button>
      </header>
      {since !== null && (
        <div class="stale" role="status">
          <p>{t('panel_staleAsOf', formatClock(since, uiLocale()))}</p>
          <p>{t('panel_failingSources', state.failing.length)}</p>
        </div>
      )}
      {items.length === 0 && <p class="empty">{t('panel_allClear')}</p>}
      {(state.omitted ?? 0) > 0 && <p class="muted">{tn('panel_omitted', state.omitted ?? 0)}</p>}
      {items.map((item) => {
        const key = `${item.sourceId}|${item.incident.id}`;
        const matched = match?.key === key;
        return (
          <div key={key} class={matched ? 'matched' : undefined}>
            {matched && (
              <p class="match-note">
                <strong>{t('match_likely')}</strong>{' '}
                {t('match_term', match.terms.join(t('match_sep')))}
              </p>
            )}
            {item.internal ? (
              <IncidentCard item={item} now={now}>
                <InternalReply item={item} {...reply} />
              </IncidentCard>
            ) : (
              <IncidentCard
                item={item}
                now={now}
                onMarkDone={(o) => {
                  // the store update re-renders the card; a refusal changes nothing
                  void ports
                    .send('feed/markDone', {
                      sourceId: item.sourceId,
                      incidentId: item.incident.id,
                      obligationId: o.ruleId,
                    })
                    .catch(() => undefined);
                  // The met duty's row (and this button) goes: keep focus in the panel, so Esc closes it.
                  headingRef.current?.focus();
                }}
              >
                {/* Every state has its reply, maintenance included (issue 19). */}
                <CopyReply item={item} {...reply} />
              </IncidentCard>
            )}
          </div>
        );
      })}
      {resolved.length > 0 && (
        // Recently resolved (issue 19, item 9): the card stays a while, marked resolved in words,
        // with the resolution (its latest update) and the "it's fixed" reply.
        <section class="resolved-list" aria-labelledby="lens-resolved-title">
          <h3 id="lens-resolved-title">{t('panel_resolved', resolved.length)}</h3>
          {resolved.map((item) => (
            <IncidentCard
              key={`${item.sourceId}|${item.incident.id}`}
              item={item}
              now={now}
              headingLevel={4}
            >
              <CopyReply item={item} {...reply} />
            </IncidentCard>
          ))}
        </section>
      )}
    </section>
  );
}
