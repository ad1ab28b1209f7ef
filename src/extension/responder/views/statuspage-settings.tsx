import { useState } from 'preact/hooks';
import { send } from '../../messaging/channel';
import { DEFAULT_API_BASE, hostPattern, normaliseApiBase } from '../../statuspage/config';
import { t } from '../../i18n/translate';
import { requestHost } from '../../ui/browser/permissions';
import { Alert, Field, InputField, useAction } from './common';
import type { StatuspageStatus } from '../protocol';
import { errorText } from './status-text';

/**
 * Connects a Statuspage page (page id + API key; https, or http on loopback for a local server).
 * Host access to the API is requested inside the click, as browsers require. The key is sent to
 * the background once and never shown again: views only ever see its last four characters.
 */
export function StatuspageSettings(props: { status: StatuspageStatus; onChanged(): void }) {
  const [base, setBase] = useState(DEFAULT_API_BASE);
  const [pageId, setPageId] = useState('');
  const [apiKey, setApiKey] = useState('');
  const action = useAction();

  const connect = (e: Event) => {
    e.preventDefault();
    const b = normaliseApiBase(base);
    if (!b.ok) return action.setError(t(`rs_sp_cfg_${b.detail}`));
    // Synchronously, inside the gesture: no await before this call.
    const granted = requestHost(hostPattern(b.base));
    void action.run(async () => {
      if (!(await granted)) return t('rs_sp_permissionDenied');
      const r = await send('statuspage/connect', { apiBase: b.base, pageId, apiKey });
      if (!r.ok) return errorText(r.error);
      setApiKey('');
      props.onChanged();
      return null;
    });
  };
  const disconnect = () =>
    void action.run(async () => {
      await send('statuspage/disconnect', null);
      props.onChanged();
    });

  return (
    <section aria-labelledby="sp-h">
      <h2 id="sp-h">{t('rs_sp_title')}</h2>
      {props.status.connected ? (
        <>
          <p class="ok" role="status">
            {t(
              'rs_sp_connected',
              props.status.pageName ?? props.status.pageId,
              props.status.apiBase,
              props.status.keyHint,
            )}
          </p>
          <button type="button" class="secondary" disabled={action.busy} onClick={disconnect}>
            {t('rs_sp_disconnect')}
          </button>
        </>
      ) : (
        <form onSubmit={connect} noValidate>
          <p class="muted">{t('rs_sp_help')}</p>
          <InputField
            id="sp-base"
            label={t('rs_sp_base')}
            hint={t('rs_sp_baseHint')}
            type="url"
            value={base}
            onValue={setBase}
          />
          <InputField
            id="sp-page"
            label={t('rs_sp_page')}
            autoComplete="off"
            value={pageId}
            onValue={setPageId}
          />
          <Field id="sp-key" label={t('rs_sp_key')} hint={t('rs_sp_keyHint')}>
            {(a) => (
              <input
                {...a}
                type="password"
                autoComplete="off"
                value={apiKey}
                onInput={(e) => setApiKey(e.currentTarget.value)}
              />
            )}
          </Field>
          <p>
            <button type="submit" disabled={action.busy}>
              {t('rs_sp_connect')}
            </button>
          </p>
        </form>
      )}
      <Alert message={action.error} />
    </section>
  );
}
