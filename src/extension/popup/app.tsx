import browser from 'webextension-polyfill';
import { formatClock } from '../../core/time';
import { browserOverlayStore } from '../ui/browser/wiring';
import { anyLiveDeadline } from '../ui/components/deadlines';
import { t, uiLocale } from '../i18n/translate';
import { IncidentCard } from '../ui/components/incident-card';
import { useNow } from '../ui/hooks/use-now';
import { staleSince, useOverlayState } from '../ui/hooks/use-overlay';
import { OpenResponder } from '../responder/views/open-responder';
import { SiteToggle } from '../sites/views/site-toggle';
import { send } from '../messaging/channel';
import { severityLabel } from '../../core/feed';
import { bySeverity } from '../../core/triage';
import { listIncidents } from '../db/incidents';
import { useDbQuery } from '../ui/hooks/use-db';

const store = browserOverlayStore();

/** The popup: active incidents with countdowns, or an all-clear; the site toggle; settings link. */
export function PopupApp() {
  const overlay = useOverlayState(store);
  // The team's internal items are this browser's own open incidents: listed below, once.
  const state = overlay && { ...overlay, incidents: overlay.incidents.filter((i) => !i.internal) };
  const now = useNow(anyLiveDeadline(state?.incidents ?? []));
  const since = state ? staleSince(state) : null;
  // The responder's own open incidents: while one is open the popup never says all is well.
  const local = useDbQuery(async (db) => (await listIncidents(db, 'open')).sort(bySeverity), []);
  const open = local.data ?? [];
  return (
    <main class="popup">
      <h1>{t('extName')}</h1>
      <SiteToggle />
      {since !== null && (
        <p class="stale" role="status">
          {t('panel_staleAsOf', formatClock(since, uiLocale()))}
        </p>
      )}
      <section aria-labelledby="popup-incidents">
        <h2 id="popup-incidents">{t('popup_incidents')}</h2>
        {state === undefined ? (
          <p class="muted">{t('popup_loading')}</p>
        ) : !state || state.incidents.length === 0 ? (
          open.length === 0 && local.data !== undefined ? (
            <p class="empty ok">{t('popup_allClear')}</p>
          ) : null
        ) : (
          state.incidents.map((item) => (
            <IncidentCard
              key={`${item.sourceId}|${item.incident.id}`}
              item={item}
              now={now}
              onMarkDone={(o) =>
                void send('feed/markDone', {
                  sourceId: item.sourceId,
                  incidentId: item.incident.id,
                  obligationId: o.ruleId,
                }).catch(() => undefined)
              }
            />
          ))
        )}
        {open.length > 0 && (
          <ul class="local" aria-label={t('popup_responder')}>
            {open.map((i) => (
              <li key={i.id} data-severity={i.severity ?? ''}>
                {t(
                  'popup_localOpen',
                  i.severity === null ? t('rs_unclassified') : severityLabel(i.severity),
                  i.title,
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="popup-responder" class="responder">
        <h2 id="popup-responder">{t('popup_responder')}</h2>
        <OpenResponder declare />
        <OpenResponder />
      </section>
      <p>
        <a
          href={browser.runtime.getURL('src/extension/options/index.html')}
          onClick={(e) => {
            e.preventDefault();
            void browser.runtime.openOptionsPage();
          }}
        >
          {t('popup_openOptions')}
        </a>
      </p>
    </main>
  );
}
