import { useState } from 'preact/hooks';
import type { SiteRecord } from '../../db/schema';
import { listSites } from '../../db/sites';
import { send } from '../../messaging/channel';
import { everyPortOf, originPattern } from '../../origins/match-patterns';
import { t } from '../../i18n/translate';
import { parseSiteInput } from '../../origins/page-origin';
import { requestHost, useGranted } from '../../ui/browser/permissions';
import { useDbQuery } from '../../ui/hooks/use-db';
import { errorMessage } from '../../ui/error';
import { ManagedBadge } from '../../managed/views/managed-notice';
import { useManaged } from '../../managed/views/use-managed';
import { ResolvedKeep } from './resolved-keep';

/** Sites: where the overlay is on, each one's permission state; add one by origin. */
export function SitesSection() {
  const sites = useDbQuery(listSites, []);
  const list = sites.data ?? [];
  const granted = useGranted(list.map((s) => s.pattern));
  const [input, setInput] = useState('');
  const mayAdd = useManaged()?.config.allowUserSites ?? true;
  const [error, setError] = useState<string | null>(null);

  const fail = (e: unknown) => setError(errorMessage(e));
  /** Must run synchronously inside the click: permissions.request comes first. */
  const enable = (origin: string) => {
    setError(null);
    void requestHost(originPattern(origin))
      .then(async (ok) => {
        if (!ok) return setError(t('site_permissionDenied'));
        await send('sites/enable', { origin });
        setInput('');
      })
      .catch(fail)
      .finally(sites.refresh);
  };
  const disable = (site: SiteRecord) => {
    setError(null);
    void send('sites/disable', { origin: site.origin }).catch(fail).finally(sites.refresh);
  };
  const onAdd = (e: Event) => {
    e.preventDefault();
    const origin = parseSiteInput(input);
    if (!origin) return setError(t('site_invalid'));
    enable(origin);
  };

  return (
    <div>
      {list.length === 0 ? (
        <p class="muted">{t('site_none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('site_origin')}</th>
              <th scope="col">{t('site_state')}</th>
              <th scope="col">{t('site_action')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((s) => {
              const revoked = s.enabled && granted[s.pattern] === false;
              return (
                <tr key={s.pattern}>
                  <td>
                    {s.origin}
                    {s.managed && <ManagedBadge />}
                    {everyPortOf(s.origin) && (
                      <p class="meta muted">{t('perm_everyPort', everyPortOf(s.origin)!)}</p>
                    )}
                  </td>
                  <td class={revoked ? 'error' : s.enabled ? 'ok' : 'muted'}>
                    {revoked ? t('site_revoked') : s.enabled ? t('site_on') : t('site_off')}
                  </td>
                  <td>
                    {(!s.enabled || revoked) && (
                      <button type="button" onClick={() => enable(s.origin)}>
                        {t('site_enableNamed', s.origin)}
                      </button>
                    )}{' '}
                    {s.enabled && !s.managed && (
                      <button type="button" class="secondary" onClick={() => disable(s)}>
                        {t('site_disableNamed', s.origin)}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {!mayAdd && <p class="muted">{t('managed_noOwnSites')}</p>}
      <form onSubmit={onAdd} noValidate hidden={!mayAdd}>
        <label for="site-origin">{t('site_add')}</label>
        <p class="muted" id="site-origin-help">
          {t('site_addHelp')}
        </p>
        <input
          id="site-origin"
          type="text"
          value={input}
          aria-describedby="site-origin-help"
          onInput={(e) => setInput(e.currentTarget.value)}
        />{' '}
        <button type="submit">{t('site_addButton')}</button>
      </form>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <ResolvedKeep />
    </div>
  );
}
