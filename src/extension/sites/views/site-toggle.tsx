import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { getSite } from '../../db/sites';
import { send } from '../../messaging/channel';
import { t } from '../../i18n/translate';
import { originPattern } from '../../origins/match-patterns';
import { siteOrigin } from '../../origins/page-origin';
import { requestHost, useGranted } from '../../ui/browser/permissions';
import { useDbQuery } from '../../ui/hooks/use-db';

/** The origin of the tab the popup was opened over (activeTab lets us read its URL). */
function useActiveOrigin(): string | null | undefined {
  const [origin, setOrigin] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    void browser.tabs
      .query({ active: true, currentWindow: true })
      .then((tabs) => setOrigin(siteOrigin(tabs[0]?.url)))
      .catch(() => setOrigin(null));
  }, []);
  return origin;
}

/**
 * "Show on this site": asks for the tab's origin inside the click (the user gesture), then tells
 * the background to register the overlay there. A site that is on but whose permission was
 * removed in the browser's settings is shown as such, with the way to fix it.
 */
export function SiteToggle() {
  const origin = useActiveOrigin();
  const pattern = origin ? originPattern(origin) : '';
  // The pattern is only known after the tab query: keyed on it, the site is read again once it is.
  const site = useDbQuery(
    (db) => (pattern ? getSite(db, pattern) : Promise.resolve(undefined)),
    [pattern],
  );
  const granted = useGranted(pattern ? [pattern] : []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (origin === undefined) return null;
  if (origin === null) return <p class="muted">{t('site_unsupported')}</p>;
  const enabled = site.data?.enabled === true;
  const revoked = enabled && granted[pattern] === false;
  const on = enabled && !revoked;

  const onChange = () => {
    setError(null);
    if (!on) {
      // permissions.request must be the first call in the gesture: no await before it.
      const asked = requestHost(pattern);
      setBusy(true);
      void asked
        .then(async (ok) => {
          if (!ok) return setError(t('site_permissionDenied'));
          await send('sites/enable', { origin });
        })
        .catch((e: unknown) => setError(String(e)))
        .finally(() => (setBusy(false), site.refresh()));
    } else {
      setBusy(true);
      void send('sites/disable', { origin })
        .catch((e: unknown) => setError(String(e)))
        .finally(() => (setBusy(false), site.refresh()));
    }
  };
  return (
    <div class="site-toggle">
      <label class="switch">
        <input type="checkbox" role="switch" checked={on} disabled={busy} onChange={onChange} />{' '}
        {t('site_showOnThisSite', new URL(origin).host)}
      </label>
      {revoked && <p class="error">{t('site_revoked')}</p>}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
