import { formatDateTime } from '../../core/time';
import { ClassifyPanel } from '../responder/views/classify-panel';
import { IncidentChip } from '../responder/views/common';
import { Composer } from '../responder/views/composer';
import type { ComposeEnv } from '../responder/views/compose';
import { LinkPanel } from '../responder/views/link-panel';
import { ObligationsPanel } from '../responder/views/obligations-panel';
import type { StatuspageStatus } from '../responder/protocol';
import { ResolvePanel } from '../responder/views/resolve-panel';
import { SECTIONS, routeHash, type Route, type Section } from '../responder/views/route';
import { TIMELINE_PAGE, TimelinePanel } from '../responder/views/timeline-panel';
import { t, uiLocale } from '../i18n/translate';
import { useDbQuery } from '../ui/hooks/use-db';
import { readIncident, readTimeline } from './data';
import type { IncidentRecord } from '../db/schema';
import { useState } from 'preact/hooks';

/** One incident's workspace: summary, section navigation, and the chosen section. */
export function IncidentView(props: {
  id: string;
  section: Section;
  statuspage: StatuspageStatus;
  go(r: Route): void;
}) {
  // The component is keyed by id, so this closure's id never changes while mounted.
  const q = useDbQuery((db) => readIncident(db, props.id), [props.id]);
  if (q.error) return <p class="error">{q.error}</p>;
  if (q.data === undefined) return <p class="muted">{t('popup_loading')}</p>;
  if (q.data === null) return <p class="error">{t('rs_notFound')}</p>;
  const { incident, events, drafts, policy, templates, feedOptions } = q.data;
  const env: ComposeEnv = {
    incident,
    severity: incident.severity,
    policy,
    templates,
    now: Date.now(),
    locale: uiLocale(),
  };
  const posted = events.some((e) => e.type === 'status_page_posted' || e.type === 'update_posted');
  const changed = q.refresh;
  const section =
    incident.severity === null && props.section === 'obligations' ? 'classify' : props.section;

  return (
    <article aria-labelledby="inc-title">
      <h1 id="inc-title" tabIndex={-1}>
        <IncidentChip severity={incident.severity} long /> {incident.title}
      </h1>
      <p class="meta">
        {t(incident.status === 'resolved' ? 'rs_status_resolved' : 'rs_status_open')} ·{' '}
        {t('rs_started', formatDateTime(incident.startedAt, uiLocale()))} ·{' '}
        {incident.components.join(', ')} ·{' '}
        {t(incident.publiclyVisible ? 'rs_public' : 'rs_internal')}
      </p>
      <p class="meta" data-testid="incident-policy">
        {t('policy_runsOn', policy.name, policy.version)}
      </p>
      <nav aria-label={t('rs_sections')}>
        <ul class="tabs">
          {SECTIONS.map((s) => (
            <li key={s}>
              <a
                href={routeHash({ view: 'incident', id: incident.id, section: s })}
                aria-current={s === section ? 'page' : undefined}
              >
                {t(`rs_section_${s}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {section === 'obligations' && (
        <ObligationsPanel incident={incident} events={events} policy={policy} onChanged={changed} />
      )}
      {section === 'classify' && (
        <ClassifyPanel
          key={incident.severity ?? 'none'}
          incident={incident}
          policy={policy}
          onDone={() => {
            changed();
            props.go({ view: 'incident', id: incident.id, section: 'obligations' });
          }}
        />
      )}
      {section === 'compose' && (
        <Composer
          incident={incident}
          drafts={drafts}
          env={env}
          statuspage={props.statuspage}
          initialKind={posted ? 'update' : 'initial'}
          onChanged={changed}
        />
      )}
      {section === 'timeline' && <TimelineSection incident={incident} onChanged={changed} />}
      {section === 'link' && (
        <LinkPanel incident={incident} options={feedOptions} onChanged={changed} />
      )}
      {section === 'resolve' && (
        <ResolvePanel
          incident={incident}
          drafts={drafts}
          env={env}
          policy={policy}
          statuspage={props.statuspage}
          onChanged={changed}
        />
      )}
    </article>
  );
}

/**
 * The timeline section: reads its own pages through the index (db/timeline.ts), the newest
 * TIMELINE_PAGE first and a page more on each "show older", so a long timeline is never read whole.
 */
function TimelineSection(props: { incident: IncidentRecord; onChanged(): void }) {
  const { incident } = props;
  const [pages, setPages] = useState(1);
  const q = useDbQuery(
    (db) => readTimeline(db, incident, pages * TIMELINE_PAGE),
    [incident.id, incident.updatedAt, pages],
  );
  if (q.error) return <p class="error">{q.error}</p>;
  // The last page stays on screen while the next one loads.
  if (q.data === undefined) return <p class="muted">{t('popup_loading')}</p>;
  return (
    <TimelinePanel
      incident={incident}
      events={q.data.events}
      older={q.data.older}
      olderCapped={q.data.olderCapped}
      onMore={() => setPages((n) => n + 1)}
      onChanged={() => {
        props.onChanged();
        q.refresh();
      }}
    />
  );
}
