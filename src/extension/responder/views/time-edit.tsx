import { useState } from 'preact/hooks';
import { send } from '../../messaging/channel';
import { t } from '../../i18n/translate';
import { Alert, InputField, useAction } from './common';
import { toLocalInput } from '../../ui/datetime-input';
import { validateTimeEdit } from './obligation-rows';

/** Moves an event to another time; the reason is required and kept with the event. */
export function TimeEdit(props: {
  incidentId: string;
  eventId: string;
  at: number;
  idPrefix: string;
  onClose(saved: boolean): void;
}) {
  const [value, setValue] = useState(toLocalInput(props.at));
  const [reason, setReason] = useState('');
  const action = useAction();
  const submit = (e: Event) => {
    e.preventDefault();
    const v = validateTimeEdit(value, reason, Date.now());
    if (!v.ok) return action.setError(t(v.error));
    void action.run(async () => {
      await send('incidents/editEvent', {
        id: props.incidentId,
        eventId: props.eventId,
        at: v.at,
        reason: v.reason,
      });
      props.onClose(true);
    });
  };
  return (
    <form class="inline-form" onSubmit={submit} noValidate>
      <InputField
        id={`${props.idPrefix}-time`}
        label={t('rs_edit_time')}
        type="datetime-local"
        value={value}
        onValue={setValue}
      />
      <InputField
        id={`${props.idPrefix}-reason`}
        label={t('rs_edit_reason')}
        value={reason}
        onValue={setReason}
      />
      <p class="row">
        <button type="submit" disabled={action.busy}>
          {t('rs_edit_save')}
        </button>
        <button type="button" class="secondary" onClick={() => props.onClose(false)}>
          {t('rs_cancel')}
        </button>
      </p>
      <Alert message={action.error} />
    </form>
  );
}
