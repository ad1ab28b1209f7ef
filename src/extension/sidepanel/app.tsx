import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n/translate';
import { DeclareForm } from '../responder/views/declare-form';
import { StatuspageSettings } from '../responder/views/statuspage-settings';
import { IncidentView } from './incident-view';
import { ListView } from './list';
import { useRoute } from './use-route';
import { useStatuspage } from './use-statuspage';
import { useTeamLive, useTeamStatus } from '../ui/hooks/use-team';
import { TeamStatusLine } from '../team/views/team-status';

/**
 * The responder side panel: the incident lists, the Declare form, one incident's workspace and
 * the Statuspage connection. Views read IndexedDB and send commands; they hold no other state.
 */
export function SidepanelApp() {
  const [route, go] = useRoute();
  const sp = useStatuspage();
  // Team mode: live replication while the panel is open, and its status in words.
  useTeamLive();
  const team = useTeamStatus();
  const main = useRef<HTMLElement>(null);
  const viewKey =
    route.view === 'incident' ? `${route.view}|${route.id}|${route.section}` : route.view;
  useEffect(() => {
    // Move focus to the new view's heading, so keyboard and screen reader users land in it.
    main.current?.querySelector<HTMLElement>('h1, h2')?.focus();
  }, [viewKey]);

  return (
    <>
      <header class="top">
        <p class="brand">{t('rs_title')}</p>
        <nav aria-label={t('rs_nav')}>
          <a href="#/" aria-current={route.view === 'list' ? 'page' : undefined}>
            {t('rs_nav_incidents')}
          </a>
          <a href="#/declare" aria-current={route.view === 'declare' ? 'page' : undefined}>
            {t('rs_nav_declare')}
          </a>
          <a href="#/settings" aria-current={route.view === 'settings' ? 'page' : undefined}>
            {t('rs_nav_settings')}
          </a>
        </nav>
        <TeamStatusLine status={team} />
      </header>
      <main ref={main}>
        {route.view === 'list' && <ListView />}
        {route.view === 'declare' && (
          <>
            <h1 tabIndex={-1}>{t('rs_declare_title')}</h1>
            <DeclareForm
              onDeclared={(i) => go({ view: 'incident', id: i.id, section: 'classify' })}
            />
          </>
        )}
        {route.view === 'settings' && (
          <>
            <h1 tabIndex={-1}>{t('rs_nav_settings')}</h1>
            <StatuspageSettings status={sp.status} onChanged={sp.refresh} />
          </>
        )}
        {route.view === 'incident' && (
          <IncidentView
            key={route.id}
            id={route.id}
            section={route.section}
            statuspage={sp.status}
            go={go}
          />
        )}
      </main>
    </>
  );
}
