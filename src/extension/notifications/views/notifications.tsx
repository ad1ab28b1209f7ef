import { useEffect, useRef, useState } from 'preact/hooks';
import type { Severity } from '../../../core/types';
import { NOTIFY_ROLES } from '../../../core/notify';
import type { NotificationKind, NotificationPrefs, NotificationSetting } from '../../db/schema';
import { getSetting } from '../../db/settings';
import { listSources } from '../../db/sources';
import { send } from '../../messaging/channel';
import { t } from '../../i18n/translate';
import { useDbQuery } from '../../ui/hooks/use-db';
import { errorMessage } from '../../ui/error';
import { useManaged } from '../../managed/views/use-managed';
import { NOTIFICATION_KINDS } from '../prefs';

const SEVERITIES: readonly (Severity | null)[] = [null, 1, 2, 3, 4];

/**
 * The notification toggles and filters (settings.notifications), written through a command; the
 * worker applies them (issue 19, item 10). Settings the organisation gives a default for, and the
 * agent has not changed, say so (issue 20).
 */
export function NotificationsSection() {
  const prefs = useDbQuery((db) => getSetting(db, 'notifications'), []);
  const sources = useDbQuery(listSources, []);
  const managed = useManaged();
  const [error, setError] = useState<string | null>(null);
  // The change being saved shows at once: a re-render before the stored value is read back (the
  // organisation's notice, another setting's refresh) must not flip the control back.
  const [saving, setSaving] = useState<Partial<NotificationPrefs>>({});
  const inFlight = useRef(0);
  // Once read back with nothing left in flight, the stored settings speak for themselves again.
  useEffect(() => {
    if (inFlight.current === 0) setSaving({});
  }, [prefs.data]);
  if (!prefs.data) return <p class="muted">{prefs.error ?? t('popup_loading')}</p>;
  const current = { ...prefs.data, ...saving };
  const org = managed?.config.notifications ?? {};
  const fromOrg = (k: NotificationSetting) =>
    org[k] !== undefined && !(current.chosen ?? []).includes(k);
  const orgNote = (k: NotificationSetting) =>
    fromOrg(k) && <span class="muted"> ({t('notif_orgDefault')})</span>;
  const set = (change: Partial<NotificationPrefs>) => {
    setError(null);
    setSaving((s) => ({ ...s, ...change }));
    inFlight.current++;
    void send('settings/setNotifications', change)
      .catch((e: unknown) => setError(errorMessage(e)))
      .finally(() => {
        inFlight.current--;
        prefs.refresh();
      });
  };
  const muted = (id: string, url: string) =>
    current.mutedSources.includes(id) || current.mutedSources.includes(url);
  const toggleSource = (id: string, url: string, on: boolean) =>
    set({
      // turning one back on also drops an organisation's mute by URL
      mutedSources: on
        ? current.mutedSources.filter((m) => m !== id && m !== url)
        : [...current.mutedSources, id],
    });
  return (
    <>
      {Object.keys(org).length > 0 && <p class="muted">{t('notif_orgDefaults')}</p>}
      <fieldset>
        <legend>{t('notif_legend')}</legend>
        {NOTIFICATION_KINDS.map((key: NotificationKind) => (
          <div key={key}>
            <label class="check">
              <input
                type="checkbox"
                checked={current[key]}
                onChange={(e) => set({ [key]: e.currentTarget.checked })}
              />{' '}
              {t(`notif_${key}`)}
              {orgNote(key)}
            </label>
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('notif_filters')}</legend>
        <p class="muted">{t('notif_filtersNote')}</p>
        <div class="field">
          <label for="notif-severity">
            {t('notif_minSeverity')}
            {orgNote('minSeverity')}
          </label>
          <select
            id="notif-severity"
            value={String(current.minSeverity ?? 'all')}
            onChange={(e) => {
              const v = e.currentTarget.value;
              set({ minSeverity: v === 'all' ? null : (Number(v) as Severity) });
            }}
          >
            {SEVERITIES.map((s) => (
              <option key={String(s)} value={String(s ?? 'all')}>
                {t(`notif_sev_${s ?? 'all'}`)}
              </option>
            ))}
          </select>
        </div>
        <fieldset>
          <legend>
            {t('notif_role')}
            {orgNote('role')}
          </legend>
          {NOTIFY_ROLES.map((role) => (
            <div key={role}>
              <label class="check">
                <input
                  type="radio"
                  name="notif-role"
                  value={role}
                  checked={current.role === role}
                  onChange={() => set({ role })}
                />{' '}
                {t(`notif_role_${role}`)}
              </label>
            </div>
          ))}
        </fieldset>
        <fieldset>
          <legend>
            {t('notif_sources')}
            {orgNote('mutedSources')}
          </legend>
          {(sources.data ?? []).length === 0 && <p class="muted">{t('notif_noSources')}</p>}
          {(sources.data ?? []).map((s) => (
            <div key={s.id}>
              <label class="check">
                <input
                  type="checkbox"
                  checked={!muted(s.id, s.url)}
                  onChange={(e) => toggleSource(s.id, s.url, e.currentTarget.checked)}
                />{' '}
                {s.name}
              </label>
            </div>
          ))}
        </fieldset>
      </fieldset>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
