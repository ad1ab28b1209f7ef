import { useState } from 'preact/hooks';
import type { EventRecord, IncidentRecord } from '../../db/schema';
import { send } from '../../messaging/channel';
import { t, tn } from '../../i18n/translate';
import { Alert, Field, When, useAction } from './common';
import { isLinkedEvent } from '../feed-link';
import { TimeEdit } from './time-edit';

/**
 * Events read and rendered per page: 100,000 events once took 23.7 s to render (issue 16, item
 * 14). The page is read from the database through its index (db/timeline.ts), never the whole
 * timeline.
 */
export const TIMELINE_PAGE = 200;

/**
 * The timeline in time order, newest page first loaded: events are editable (the reason for each
 * edit is kept and shown), and notes can be added. `events` is the loaded part (the newest, in time
 * order) and `older` how many older ones `onMore` would load a page of.
 */
export function TimelinePanel(props: {
  incident: IncidentRecord;
  events: EventRecord[];
  older: number;
  /** `older` is a lower bound: more were not counted. */
  olderCapped?: boolean;
  onMore(): void;
  onChanged(): void;
}) {
  const { incident, events, older } = props;
  const [editing, setEditing] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const action = useAction();
  const now = Date.now();

  const addNote = (e: Event) => {
    e.preventDefault();
    if (note.trim() === '') return action.setError(t('rs_tl_noteEmpty'));
    void action.run(async () => {
      await send('incidents/record', { id: incident.id, type: 'note', text: note.trim() });
      setNote('');
      props.onChanged();
    });
  };

  return (
    <section aria-labelledby="tl-h">
      <h2 id="tl-h">{t('rs_tl_title')}</h2>
      <form onSubmit={addNote} noValidate>
        <Field id="tl-note" label={t('rs_tl_note')}>
          {(a) => (
            <textarea
              {...a}
              rows={2}
              value={note}
              onInput={(e) => setNote(e.currentTarget.value)}
            />
          )}
        </Field>
        <p>
          <button type="submit" disabled={action.busy}>
            {t('rs_tl_addNote')}
          </button>
        </p>
        <Alert message={action.error} />
      </form>
      {older > 0 && (
        <p>
          <span class="muted">
            {props.olderCapped ? t('rs_tl_olderMany', older) : tn('rs_tl_older', older)}
          </span>{' '}
          <button type="button" class="secondary" onClick={props.onMore}>
            {t('rs_tl_showOlder', Math.min(older, TIMELINE_PAGE))}
          </button>
        </p>
      )}
      <ol class="timeline">
        {events.map((e) => {
          const linked = isLinkedEvent(e);
          const what =
            t(`rs_ev_${e.type}`) +
            (e.severity ? ` · SEV-${e.severity}` : '') +
            (linked ? ` · ${t('rs_tl_fromFeed')}` : '');
          return (
            <li key={e.id} data-type={e.type}>
              <p class="meta">
                <When at={e.at} now={now} /> · <strong>{what}</strong>
              </p>
              {e.text && <p class="update">{e.text}</p>}
              {(e.edits ?? []).map((ed, i) => (
                <p key={i} class="muted meta edit-note">
                  {t('rs_tl_edited')} <When at={ed.previousAt} now={now} /> →{' '}
                  {t('rs_tl_reason', ed.reason)}
                </p>
              ))}
              {!linked && editing !== e.id && (
                <button
                  type="button"
                  class="secondary"
                  onClick={() => setEditing(e.id)}
                  aria-label={t('rs_tl_editNamed', what)}
                >
                  {t('rs_tl_edit')}
                </button>
              )}
              {editing === e.id && (
                <TimeEdit
                  incidentId={incident.id}
                  eventId={e.id}
                  at={e.at}
                  idPrefix={`tl-${e.id}`}
                  onClose={(saved) => {
                    setEditing(null);
                    if (saved) props.onChanged();
                  }}
                />
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
