import { useState } from 'preact/hooks';
import type { Policy } from '../../../core/types';
import type { DraftRecord, IncidentRecord } from '../../db/schema';
import { send } from '../../messaging/channel';
import { countdown } from '../../i18n/countdown';
import { t } from '../../i18n/translate';
import { useNow } from '../../ui/hooks/use-now';
import { Alert, InputField, When, useAction } from './common';
import { usePublishGate } from './publish-gate';
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
  if (incident.status === 'cancelled')
    return (
      <p role="status" data-cancelled>
        {t('rs_status_cancelled')}
      </p>
    );
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
      <CancelIncident incident={incident} onChanged={props.onChanged} />
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
  // Only an incident that is on the status page can have its resolution published there: never
  // create a public, already-resolved incident for one customers were never shown.
  const onPage = props.statuspage.connected && Boolean(props.incident.statuspageIncidentId);
  const [publish, setPublish] = useState(onPage);
  const action = useAction();
  const gate = usePublishGate(ctx.drafted.ok ? ctx.drafted.lints : []);
  const target = targetOf(ctx.fields, { status: 'resolved', componentStatus: 'operational' });
  const resolve = (force = false) =>
    void action.run(async () => {
      if (!ctx.drafted.ok) return refusalText('resolution', ctx.drafted);
      const stop = gate.check(force);
      if (stop) return stop;
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
        ...(publish && onPage ? { publish: { ...target, status: 'resolved' as const } } : {}),
      });
      if (!r.ok) return errorText(r.error);
      props.onChanged();
      return null;
    });
  return (
    <div class="publish">
      {props.statuspage.connected && !onPage && (
        <p class="muted meta" data-not-published>
          {t('rs_resolve_notPublished')}
        </p>
      )}
      {onPage && (
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
        <button type="button" disabled={action.busy} onClick={() => resolve()}>
          {t('rs_resolve_submit')}
        </button>
        {gate.asking && (
          <button
            type="button"
            class="secondary"
            disabled={action.busy}
            onClick={() => resolve(true)}
          >
            {t('rs_gate_anyway')}
          </button>
        )}
      </p>
      <Alert message={action.error} />
    </div>
  );
}

/** Cancelling an incident declared by mistake: a reason, then it is closed (and taken off the page). */
export function CancelIncident(props: { incident: IncidentRecord; onChanged(): void }) {
  const [reason, setReason] = useState('');
  const action = useAction();
  const cancel = () =>
    void action.run(async () => {
      if (reason.trim() === '') return t('rs_cancel_errReason');
      const r = await send('incidents/cancel', { id: props.incident.id, reason });
      if (!r.ok) return errorText(r.error);
      props.onChanged();
      return null;
    });
  return (
    <section aria-labelledby="cx-h" class="cancel">
      <h2 id="cx-h">{t('rs_cancel_title')}</h2>
      <p class="muted">{t('rs_cancel_hint')}</p>
      <InputField id="cx-reason" label={t('rs_cancel_reason')} value={reason} onValue={setReason} />
      <p>
        <button type="button" class="secondary" disabled={action.busy} onClick={cancel}>
          {t('rs_cancel_submit')}
        </button>
      </p>
      <Alert message={action.error} />
    </section>
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
