import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t, tn } from '../../i18n/translate';
import { useGranted } from '../../ui/browser/permissions';
import { managedOrigins } from '../config';
import { managedProblemText } from './problem-text';
import { useManaged } from './use-managed';

/** "Set by your organisation": the mark beside each managed value. */
export function ManagedBadge() {
  return <span class="badge managed">{t('managed_badge')}</span>;
}

/**
 * The organisation's configuration at the top of the options page: that part of the setup is
 * managed, which values were ignored and why, and one button that asks for host access to every
 * managed site and source in a single prompt.
 */
export function ManagedNotice() {
  const read = useManaged();
  const origins = read ? managedOrigins(read.config) : [];
  const granted = useGranted(origins);
  const [denied, setDenied] = useState(false);
  if (!read?.present) return null;
  const missing = origins.filter((o) => granted[o] === false);
  // Must run synchronously in the click: one request for every origin, so one prompt.
  const grant = () => {
    setDenied(false);
    void browser.permissions
      .request({ origins: missing })
      .catch(() => false)
      .then((ok) => setDenied(!ok));
  };
  return (
    <section class="managed-notice card" aria-labelledby="managed-title">
      <h2 id="managed-title">{t('managed_title')}</h2>
      <p>{t('managed_intro')}</p>
      {missing.length > 0 && (
        <div class="managed-access">
          <p id="managed-access-list">{tn('managed_accessNeeded', missing.length)}</p>
          <ul aria-labelledby="managed-access-list">
            {missing.map((o) => (
              <li key={o}>
                <code>{o}</code>
              </li>
            ))}
          </ul>
          <button type="button" onClick={grant}>
            {t('managed_grant')}
          </button>
          {denied && (
            <p class="error" role="alert">
              {t('managed_grantDenied')}
            </p>
          )}
        </div>
      )}
      {read.problems.length > 0 && (
        <div class="managed-problems" role="status">
          <h3>{tn('managed_ignoredTitle', read.problems.length)}</h3>
          <p class="muted">{t('managed_ignoredHelp')}</p>
          <ul>
            {read.problems.map((p) => (
              <li key={`${p.path}|${p.reason}|${p.detail}`}>{managedProblemText(p)}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
