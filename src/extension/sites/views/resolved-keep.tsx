import { useEffect, useState } from 'preact/hooks';
import { RESOLVED_KEEP_MAX_MINUTES } from '../../../core/feed/since';
import { getSetting } from '../../db/settings';
import { send } from '../../messaging/channel';
import { t } from '../../i18n/translate';
import { useDbQuery } from '../../ui/hooks/use-db';
import { errorMessage } from '../../ui/error';

/**
 * How long a resolved incident's card stays in the overlay (issue 19, item 9), in minutes: the
 * agent asked "is it fixed?" after the resolution still has the card and the "it's fixed" reply.
 */
export function ResolvedKeep() {
  const stored = useDbQuery((db) => getSetting(db, 'resolvedKeepMinutes'), []);
  const [value, setValue] = useState('');
  const [note, setNote] = useState<{ error: boolean; text: string } | null>(null);
  useEffect(() => {
    if (stored.data !== undefined) setValue(String(stored.data));
  }, [stored.data]);

  const onSave = (e: Event) => {
    e.preventDefault();
    setNote(null);
    const minutes = Number(value.trim() || NaN);
    // Checked here too, so the reason is in the UI language (the worker's refusal is English).
    if (!Number.isInteger(minutes) || minutes < 0 || minutes > RESOLVED_KEEP_MAX_MINUTES)
      return setNote({
        error: true,
        text: t('site_resolvedKeepInvalid', RESOLVED_KEEP_MAX_MINUTES),
      });
    void send('overlay/setResolvedKeep', { minutes })
      .then(() => setNote({ error: false, text: t('site_resolvedKeepSaved') }))
      .catch((err: unknown) => setNote({ error: true, text: errorMessage(err) }))
      .finally(stored.refresh);
  };
  return (
    <form class="resolved-keep" onSubmit={onSave} noValidate>
      <label for="resolved-keep">{t('site_resolvedKeep')}</label>
      <p class="muted" id="resolved-keep-help">
        {t('site_resolvedKeepHelp', RESOLVED_KEEP_MAX_MINUTES)}
      </p>
      <input
        id="resolved-keep"
        type="number"
        min={0}
        max={RESOLVED_KEEP_MAX_MINUTES}
        step={1}
        inputMode="numeric"
        value={value}
        aria-describedby="resolved-keep-help"
        onInput={(e) => setValue(e.currentTarget.value)}
      />{' '}
      <button type="submit">{t('site_resolvedKeepSave')}</button>
      {note && (
        <p class={note.error ? 'error' : 'ok'} role={note.error ? 'alert' : 'status'}>
          {note.text}
        </p>
      )}
    </form>
  );
}
