import { useState } from 'preact/hooks';
import type { NotificationPrefs } from '../../db/schema';
import { getSetting } from '../../db/settings';
import { send } from '../../messaging/channel';
import { t } from '../../i18n/translate';
import { useDbQuery } from '../../ui/hooks/use-db';
import { errorMessage } from '../../ui/error';

const KEYS: readonly (keyof NotificationPrefs)[] = [
  'newIncident',
  'severityChange',
  'newUpdate',
  'obligationDue',
  'actionItemDue',
];

/** The five notification toggles (settings.notifications), written through a command. */
export function NotificationsSection() {
  const prefs = useDbQuery((db) => getSetting(db, 'notifications'), []);
  const [error, setError] = useState<string | null>(null);
  if (!prefs.data) return <p class="muted">{prefs.error ?? t('popup_loading')}</p>;
  const current = prefs.data;
  const toggle = (key: keyof NotificationPrefs, value: boolean) => {
    setError(null);
    void send('settings/setNotifications', { [key]: value })
      .catch((e: unknown) => setError(errorMessage(e)))
      .finally(prefs.refresh);
  };
  return (
    <fieldset>
      <legend>{t('notif_legend')}</legend>
      {KEYS.map((key) => (
        <div key={key}>
          <label class="check">
            <input
              type="checkbox"
              checked={current[key]}
              onChange={(e) => toggle(key, e.currentTarget.checked)}
            />{' '}
            {t(`notif_${key}`)}
          </label>
        </div>
      ))}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
