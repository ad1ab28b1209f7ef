import { useState } from 'preact/hooks';
import type { IncidentRecord } from '../../db/schema';
import { send } from '../../messaging/channel';
import { t } from '../../i18n/translate';
import { Alert, Field, useAction } from './common';

/** A feed incident the local one may be linked to. */
export interface FeedOption {
  sourceId: string;
  sourceName: string;
  incidentId: string;
  name: string;
}

const keyOf = (o: { sourceId: string; incidentId: string }) => `${o.sourceId}|${o.incidentId}`;

/** Links the incident to a feed incident: the feed's public updates then count as posted updates. */
export function LinkPanel(props: {
  incident: IncidentRecord;
  options: FeedOption[];
  onChanged(): void;
}) {
  const { incident, options } = props;
  const current = incident.linked
    ? options.find((o) => keyOf(o) === keyOf(incident.linked!))
    : undefined;
  const [choice, setChoice] = useState(options[0] ? keyOf(options[0]) : '');
  const action = useAction();
  const link = (target: FeedOption | null) =>
    void action.run(async () => {
      await send('incidents/link', {
        id: incident.id,
        link: target ? { sourceId: target.sourceId, incidentId: target.incidentId } : null,
      });
      props.onChanged();
    });

  return (
    <section aria-labelledby="ln-h">
      <h2 id="ln-h">{t('rs_link_title')}</h2>
      <p class="muted">{t('rs_link_help')}</p>
      {incident.linked && (
        <p>
          {t(
            'rs_link_current',
            current ? `${current.name} (${current.sourceName})` : incident.linked.incidentId,
          )}{' '}
          <button type="button" class="secondary" disabled={action.busy} onClick={() => link(null)}>
            {t('rs_link_unlink')}
          </button>
        </p>
      )}
      {options.length === 0 ? (
        <p class="muted">{t('rs_link_none')}</p>
      ) : (
        <div class="row">
          <Field id="ln-choice" label={t('rs_link_choose')}>
            {(a) => (
              <select {...a} value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
                {options.map((o) => (
                  <option key={keyOf(o)} value={keyOf(o)}>
                    {`${o.name} (${o.sourceName})`}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button
            type="button"
            disabled={action.busy || choice === ''}
            onClick={() => link(options.find((o) => keyOf(o) === choice) ?? null)}
          >
            {t('rs_link_link')}
          </button>
        </div>
      )}
      <Alert message={action.error} />
    </section>
  );
}
