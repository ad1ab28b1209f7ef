import { useState } from 'preact/hooks';
import type { DraftRecord, IncidentRecord } from '../../db/schema';
import { t } from '../../i18n/translate';
import type { ComposeEnv } from './compose';
import { DraftEditor } from './draft-editor';
import { COMPOSER_KINDS } from '../kinds';
import type { StatuspageStatus } from '../protocol';
import { PublishControls } from './publish-controls';

/** A message kind the composer tabs offer. */
export type ComposerKind = (typeof COMPOSER_KINDS)[number];

/**
 * Drafts the initial status-page message, updates (three required elements, next update proposed
 * from the cadence), the enterprise email, the exec and board note and the in-app banner text.
 */
export function Composer(props: {
  incident: IncidentRecord;
  drafts: DraftRecord[];
  env: ComposeEnv;
  statuspage: StatuspageStatus;
  /** The tab to start on (an update once the initial message is out). */
  initialKind: ComposerKind;
  onChanged(): void;
}) {
  const [kind, setKind] = useState<ComposerKind>(props.initialKind);
  const [round, setRound] = useState(0);
  // Right after a publish the stored draft is gone but this list may not have caught up yet.
  const [fresh, setFresh] = useState<ComposerKind | null>(null);
  // What the last publish to Statuspage reached: "Published" with the public link.
  const [published, setPublished] = useState<{ link: string } | null>(null);
  const saved = fresh === kind ? undefined : props.drafts.find((d) => d.kind === kind)?.fields;
  return (
    <section aria-labelledby="cmp-h">
      <h2 id="cmp-h">{t('rs_compose_title')}</h2>
      <nav aria-label={t('rs_compose_kinds')}>
        <ul class="tabs">
          {COMPOSER_KINDS.map((k) => (
            <li key={k}>
              <button
                type="button"
                class={k === kind ? '' : 'secondary'}
                aria-current={k === kind ? 'true' : undefined}
                onClick={() => {
                  setKind(k);
                  setFresh(null);
                }}
              >
                {t(`rs_kind_${k}`)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <p role="status" class="published" data-published={published ? '' : undefined}>
        {published && (
          <>
            <strong>{t('rs_published')}</strong>
            {/^https:\/\//i.test(published.link) && (
              <>
                {' · '}
                <a href={published.link} target="_blank" rel="noopener noreferrer">
                  {t('rs_published_view')}
                </a>
              </>
            )}
          </>
        )}
      </p>
      <h3>{t(`rs_kind_${kind}`)}</h3>
      <DraftEditor
        key={`${kind}|${round}`}
        incidentId={props.incident.id}
        kind={kind}
        saved={saved}
        env={props.env}
      >
        {(ctx) => (
          <PublishControls
            incident={props.incident}
            kind={kind}
            ctx={ctx}
            statuspage={props.statuspage}
            onChanged={props.onChanged}
            onPublished={(r) => {
              // A fresh draft (new proposed next-update time) after each post.
              setPublished(r.statuspageIncidentId ? { link: r.shortlink ?? '' } : null);
              setFresh(kind);
              setRound((r) => r + 1);
              props.onChanged();
            }}
          />
        )}
      </DraftEditor>
    </section>
  );
}
