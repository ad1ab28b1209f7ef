import { useState } from 'preact/hooks';
import type { IncidentRecord } from '../../db/schema';
import { send } from '../../messaging/channel';
import { t } from '../../i18n/translate';
import { Alert, InputField, useAction } from './common';
import { toLocalInput } from '../../ui/datetime-input';
import {
  EMPTY_DECLARE,
  validateDeclare,
  type DeclareErrors,
  type DeclareForm as Form,
} from './declare';

/**
 * Declare an incident: title, affected features or components, public visibility, and the start
 * time (now by default, or an earlier time). Several incidents may be open at once.
 */
export function DeclareForm({ onDeclared }: { onDeclared(incident: IncidentRecord): void }) {
  const [form, setForm] = useState<Form>(EMPTY_DECLARE);
  const [errors, setErrors] = useState<DeclareErrors>({});
  const action = useAction();
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm((f) => ({ ...f, [k]: v }));

  const submit = (e: Event) => {
    e.preventDefault();
    const checked = validateDeclare(form, Date.now());
    if (!checked.ok) {
      setErrors(checked.errors);
      const first = (['title', 'components', 'startedAt'] as const).find((k) => checked.errors[k]);
      if (first) document.getElementById(`declare-${first}`)?.focus();
      return;
    }
    setErrors({});
    void action.run(async () => onDeclared(await send('incidents/declare', checked.req)));
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('rs_declare_title')}>
      <InputField
        id="declare-title"
        label={t('rs_declare_name')}
        error={errors.title && t(errors.title)}
        value={form.title}
        autoComplete="off"
        onValue={(v) => set('title', v)}
      />
      <InputField
        id="declare-components"
        label={t('rs_declare_components')}
        hint={t('rs_declare_componentsHint')}
        error={errors.components && t(errors.components)}
        value={form.components}
        onValue={(v) => set('components', v)}
      />
      <fieldset>
        <legend>{t('rs_declare_public')}</legend>
        {([true, false] as const).map((v) => (
          <label class="inline" key={String(v)}>
            <input
              type="radio"
              name="declare-public"
              checked={form.publiclyVisible === v}
              onChange={() => set('publiclyVisible', v)}
            />{' '}
            {t(v ? 'rs_yes' : 'rs_no')}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('rs_declare_start')}</legend>
        <label class="inline">
          <input
            type="radio"
            name="declare-start"
            checked={form.start === 'now'}
            onChange={() => set('start', 'now')}
          />{' '}
          {t('rs_declare_startNow')}
        </label>
        <label class="inline">
          <input
            type="radio"
            name="declare-start"
            checked={form.start === 'earlier'}
            onChange={() =>
              setForm((f) => ({
                ...f,
                start: 'earlier',
                startedAt: f.startedAt || toLocalInput(Date.now()),
              }))
            }
          />{' '}
          {t('rs_declare_startEarlier')}
        </label>
        {form.start === 'earlier' && (
          <InputField
            id="declare-startedAt"
            label={t('rs_declare_startedAt')}
            error={errors.startedAt && t(errors.startedAt)}
            type="datetime-local"
            value={form.startedAt}
            max={toLocalInput(Date.now())}
            onValue={(v) => set('startedAt', v)}
          />
        )}
      </fieldset>
      <p>
        <button type="submit" disabled={action.busy}>
          {t('rs_declare_submit')}
        </button>
      </p>
      <Alert message={action.error} />
    </form>
  );
}
