import { useState } from 'preact/hooks';
import type { Policy } from '../../../core/types';
import type { EventRecord, IncidentRecord } from '../../db/schema';
import { send } from '../../messaging/channel';
import { countdown } from '../../i18n/countdown';
import { t } from '../../i18n/translate';
import { useNow } from '../../ui/hooks/use-now';
import { Alert, When, useAction } from './common';
import { obligationRows, type ObligationRow } from './obligation-rows';
import { TimeEdit } from './time-edit';
import { obligationLabel, obligationNote } from '../../i18n/obligation-label';

const COUNTING = new Set(['upcoming', 'due_soon', 'overdue']);

/** Team mode: who met a duty (the author of the event that met it). */
const metBy = (r: ObligationRow): string | undefined => {
  const a = (r.metEvent as EventRecord | undefined)?.author;
  return a?.display || a?.name || undefined;
};

/**
 * Every obligation of the policy for the incident's severity: due time, live countdown, state,
 * "mark done" (records an `obligation_met` event) and editing the time it was met, with a reason.
 */
export function ObligationsPanel(props: {
  incident: IncidentRecord;
  events: EventRecord[];
  policy: Policy;
  onChanged(): void;
}) {
  const { incident, events, policy } = props;
  const [editing, setEditing] = useState<string | null>(null);
  const action = useAction();
  const input = {
    events,
    publiclyVisible: incident.publiclyVisible,
    ...(incident.commonlyUsed === undefined ? {} : { commonlyUsed: incident.commonlyUsed }),
  };
  // Tick once a second only while something counts down (the shared ticker, docs/style.md #6).
  const now = useNow(obligationRows(input, policy, Date.now()).some((r) => COUNTING.has(r.state)));
  const rows = obligationRows(input, policy, now);
  if (rows.length === 0) return <p class="muted">{t('rs_ob_unclassified')}</p>;

  const markDone = (r: ObligationRow) =>
    void action.run(async () => {
      await send('incidents/record', {
        id: incident.id,
        type: 'obligation_met',
        obligationId: r.ruleId,
      });
      props.onChanged();
    });

  return (
    <section aria-labelledby="ob-h">
      <h2 id="ob-h">{t('rs_ob_title')}</h2>
      <ul class="checklist">
        {rows.map((r) => {
          const c = r.dueAt !== null && COUNTING.has(r.state) ? countdown(r.dueAt, now) : null;
          const label = obligationLabel(r);
          return (
            <li
              key={r.key}
              class={`ob ob-${r.state}`}
              data-rule={r.ruleId}
              data-state={r.state}
              data-due={r.dueAt ?? undefined}
            >
              <div class="ob-head">
                <strong>{label}</strong>
                {r.occurrence !== undefined && r.occurrence > 1 && (
                  <span class="muted"> #{r.occurrence}</span>
                )}
                <span class={`state state-${r.state}`}>{t(`rs_state_${r.state}`)}</span>
              </div>
              <p class="meta">
                {r.dueAt !== null && (
                  <span class="due">
                    {t('rs_ob_due')} <When at={r.dueAt} now={now} />
                  </span>
                )}
                {c && (
                  <span class={`cd cd-${c.tone}`} data-tone={c.tone}>
                    {' '}
                    · {c.text}
                  </span>
                )}
                {r.metAt !== undefined && (
                  <span>
                    {' '}
                    · {t('rs_ob_metAt')} <When at={r.metAt} now={now} />
                    {metBy(r) && <span class="met-by"> {t('rs_ob_metBy', metBy(r)!)}</span>}
                  </span>
                )}
              </p>
              {r.note && <p class="muted meta">{obligationNote(r)}</p>}
              <p class="row">
                {r.canMarkDone && (
                  <button
                    type="button"
                    disabled={action.busy}
                    onClick={() => markDone(r)}
                    aria-label={t('rs_ob_markDoneNamed', label)}
                  >
                    {t('rs_ob_markDone')}
                  </button>
                )}
                {r.metEvent && editing !== r.key && (
                  <button
                    type="button"
                    class="secondary"
                    onClick={() => setEditing(r.key)}
                    aria-label={t('rs_ob_editNamed', label)}
                  >
                    {t('rs_ob_edit')}
                  </button>
                )}
              </p>
              {r.metEvent && editing === r.key && (
                <TimeEdit
                  incidentId={incident.id}
                  eventId={r.metEvent.id}
                  at={r.metEvent.at}
                  idPrefix={`ob-${r.ruleId}`}
                  onClose={(saved) => {
                    setEditing(null);
                    if (saved) props.onChanged();
                  }}
                />
              )}
            </li>
          );
        })}
      </ul>
      <Alert message={action.error} />
    </section>
  );
}
