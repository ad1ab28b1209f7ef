import { useState } from 'preact/hooks';
import type { Policy } from '../../../core/types';
import type { DraftRecord, IncidentRecord } from '../../db/schema';
import { send } from '../../messaging/channel';
import { countdown } from '../../i18n/countdown';
import { t } from '../../i18n/translate';
import { useNow } from '../../ui/hooks/use-now';
import { Alert, When, useAction } from './common';
import type { ComposeEnv } from './compose';
import { fromLocalInput, toLocalInput } from '../../ui/datetime-input';
import { DraftEditor, refusalText, type DraftContext } from './draft-editor';
import type { StatuspageStatus } from '../protocol';
import { errorText } from './status-text';
import { TARGET_FIELDS, TargetFields, targetOf } from './target-fields';

const HOUR = 3_600_000;

/**
 * Resolve: the resolution message (with its lints), the resolved time, optionally the Statuspage
 * write; once resolved, the post-mortem clock (48 h by default) counts down.
 */
export function ResolvePanel(props: {
  incident: IncidentRecord;
  drafts: DraftRecord[];
  env: ComposeEnv;
  policy: Policy;
  statuspage: StatuspageStatus;
  onChanged(): void;
}) {
  const { incident } = props;
  if (incident.status === 'resolved' && incident.resolvedAt !== undefined) {
    return (
      <PostmortemClock resolvedAt={incident.resolvedAt} hours={props.policy.postmortemHours} />
    );
  }
  return (
    <section aria-labelledby="rv-h">
      <h2 id="rv-h">{t('rs_resolve_title')}</h2>
      <DraftEditor
        incidentId={incident.id}
        kind="resolution"
        saved={props.drafts.find((d) => d.kind === 'resolution')?.fields}
        env={props.env}
      >
        {(ctx) => (
          <ResolveControls
            incident={incident}
            ctx={ctx}
            statuspage={props.statuspage}
            onChanged={props.onChanged}
          />
        )}
      </DraftEditor>
    </section>
  );
}

function ResolveControls(props: {
  incident: IncidentRecord;
  ctx: DraftContext;
  statuspage: StatuspageStatus;
  onChanged(): void;
}) {
  const { ctx } = props;
  const [publish, setPublish] = useState(props.statuspage.connected);
  const action = useAction();
  const target = targetOf(ctx.fields, { status: 'resolved', componentStatus: 'operational' });
  const resolve = () =>
    void action.run(async () => {
      if (!ctx.drafted.ok) return refusalText('resolution', ctx.drafted);
      const field = ctx.fields.resolvedAt ?? '';
      const at = fromLocalInput(field);
      if (at === null) return t('rs_resolve_errTime');
      // "This minute" means now, to the millisecond (the input cannot say more).
      const exact = field === toLocalInput(Date.now()) ? {} : { at };
      const r = await send('incidents/resolve', {
        id: props.incident.id,
        text: ctx.drafted.text,
        ...exact,
        fields: ctx.fields,
        ...(publish && props.statuspage.connected
          ? { publish: { ...target, status: 'resolved' as const } }
          : {}),
      });
      if (!r.ok) return errorText(r.error);
      props.onChanged();
      return null;
    });
  return (
    <div class="publish">
      {props.statuspage.connected && (
        <>
          <label class="inline">
            <input
              type="checkbox"
              checked={publish}
              onChange={(e) => setPublish(e.currentTarget.checked)}
            />{' '}
            {t('rs_resolve_publish')}
          </label>
          {publish && (
            <TargetFields
              prefix="rv"
              target={target}
              rawComponents={ctx.fields[TARGET_FIELDS.components] ?? ''}
              fixedStatus
              set={ctx.set}
            />
          )}
        </>
      )}
      <p>
        <button type="button" disabled={action.busy} onClick={resolve}>
          {t('rs_resolve_submit')}
        </button>
      </p>
      <Alert message={action.error} />
    </div>
  );
}

/** The post-mortem deadline after resolution, with a live countdown. */
export function PostmortemClock({ resolvedAt, hours }: { resolvedAt: number; hours: number }) {
  const due = resolvedAt + hours * HOUR;
  const now = useNow(true);
  const c = countdown(due, now);
  return (
    <section aria-labelledby="pm-h" class="postmortem">
      <h2 id="pm-h">{t('rs_pm_title')}</h2>
      <p>
        {t('rs_pm_resolved')} <When at={resolvedAt} now={now} />
      </p>
      <p>
        {t('rs_pm_due', String(hours))} <When at={due} now={now} />{' '}
        <span class={`cd cd-${c.tone}`} data-tone={c.tone} data-postmortem>
          · {c.text}
        </span>
      </p>
      <p class="muted">{t('rs_pm_reviews')}</p>
    </section>
  );
}
