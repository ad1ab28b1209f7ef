import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { getSetting } from '../../db/settings';
import { listSites } from '../../db/sites';
import { listSources } from '../../db/sources';
import { t } from '../../i18n/translate';
import { chromePolicyFile, firefoxPolicyFile, toManagedConfig } from '../../managed/export';
import { downloadText } from '../../ui/browser/download';
import { errorMessage } from '../../ui/error';
import { pageDB } from '../../ui/hooks/use-db';

/** The add-on id Firefox knows the extension by (manifest.firefox.json). */
const FIREFOX_ID = 'incident-lens@incident-lens.dev';

/** Export the current sources, sites, policy and templates as a policy file for IT. */
export function ExportConfig() {
  const [error, setError] = useState<string | null>(null);
  const download = async (kind: 'chrome' | 'firefox') => {
    setError(null);
    try {
      const db = await pageDB();
      const config = toManagedConfig({
        sources: await listSources(db),
        sites: await listSites(db),
        policy: await getSetting(db, 'policy'),
        templates: await getSetting(db, 'templates'),
        notifications: await getSetting(db, 'notifications'),
      });
      if (kind === 'chrome')
        downloadText(
          chromePolicyFile(browser.runtime.id, config),
          'application/json',
          'incident-lens-chrome-policy.json',
        );
      else downloadText(firefoxPolicyFile(FIREFOX_ID, config), 'application/json', 'policies.json');
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <section aria-labelledby="export-config">
      <h3 id="export-config">{t('policy_exportTitle')}</h3>
      <p class="muted">{t('policy_exportHelp')}</p>
      <button type="button" class="secondary" onClick={() => void download('chrome')}>
        {t('policy_exportChrome')}
      </button>{' '}
      <button type="button" class="secondary" onClick={() => void download('firefox')}>
        {t('policy_exportFirefox')}
      </button>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
