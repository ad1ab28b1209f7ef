import { useState } from 'preact/hooks';
import type { IncidentRecord } from '../../db/schema';
import { t } from '../../i18n/translate';
import { send } from '../../messaging/channel';
import { fromLocalInput } from '../../ui/datetime-input';
import { useNow } from '../../ui/hooks/use-now';
import { DEFAULT_STATUS, isStatusPageKind } from '../kinds';
import type { MessageKind, PublishResult, StatuspageStatus } from '../protocol';
import { Alert, useAction } from './common';
import type { DraftContext } from './draft-editor';
import { refusalText } from './draft-editor';
import { PUBLIC_TITLE_FIELD, PublicTitleField, titleLints, usePublishGate } from './publish-gate';
import { errorText } from './status-text';
import { TARGET_FIELDS, TargetFields, targetOf } from './target-fields';

/**
 * Publishing a draft: "Publish to Statuspage" when a page is connected (status-page messages),
 * and always "Mark as posted / sent / shown". A draft with lint errors is never sent; one with
 * warnings only after "Publish anyway". After a 429 the button waits out the countdown; after a
 * 404 (the public incident is gone) it offers to unlink and create it again.
 */
export function PublishControls(props: {
  incident: IncidentRecord;
  kind: Exclude<MessageKind, 'resolution'>;
  ctx: DraftContext;
  statuspage: StatuspageStatus;
  onPublished(r: Extract<PublishResult, { ok: true }>): void;
  onChanged(): void;
}) {
  const { kind, ctx, incident } = props;
  const action = useAction();
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const [lost, setLost] = useState(false);
  const now = useNow(retryAt !== null);
  const spKind = isStatusPageKind(kind);
  const onPage = spKind && props.statuspage.connected;
  const target = targetOf(ctx.fields, {
    status: spKind ? DEFAULT_STATUS[kind] : 'investigating',
    componentStatus: 'partial_outage',
  });
  const title = ctx.fields[PUBLIC_TITLE_FIELD] ?? incident.publicTitle ?? '';
  const tLints = onPage ? titleLints(title, incident.title) : [];
  const gate = usePublishGate([...(ctx.drafted.ok ? ctx.drafted.lints : []), ...tLints]);
  const waiting = retryAt !== null && now < retryAt ? Math.ceil((retryAt - now) / 1000) : 0;

  const publish = (via: 'statuspage' | 'manual', force = false) =>
    void action.run(async () => {
      if (!ctx.drafted.ok) return refusalText(kind, ctx.drafted);
      const stop = gate.check(force);
      if (stop) return stop;
      // the next update time the message promises: its deadline is then held to it
      const promised = fromLocalInput(ctx.fields.nextUpdateAt ?? '');
      const r = await send('incidents/publish', {
        id: incident.id,
        kind,
        text: ctx.drafted.text,
        via,
        fields: ctx.fields,
        ...(promised !== null ? { nextUpdateAt: promised } : {}),
        ...(via === 'statuspage' ? { target, publicTitle: title } : {}),
      });
      if (!r.ok) {
        if (r.error.kind === 'rate_limited')
          setRetryAt(Date.now() + r.error.retryAfterSeconds * 1000);
        setLost(r.error.kind === 'not_found');
        return errorText(r.error);
      }
      setLost(false);
      props.onPublished(r);
      return null;
    });

  const unlink = () =>
    void action.run(async () => {
      await send('incidents/unlinkStatuspage', { id: incident.id });
      setLost(false);
      props.onChanged();
      return null;
    });

  const manualLabel = spKind ? 'rs_markPosted' : kind === 'banner' ? 'rs_markShown' : 'rs_markSent';
  return (
    <div class="publish">
      {onPage && (
        <PublicTitleField
          prefix={`pub-${kind}`}
          value={title}
          lints={tLints}
          set={(v) => ctx.set(PUBLIC_TITLE_FIELD, v)}
        />
      )}
      {onPage && (
        <TargetFields
          prefix={`pub-${kind}`}
          target={target}
          rawComponents={ctx.fields[TARGET_FIELDS.components] ?? ''}
          set={ctx.set}
        />
      )}
      <p class="row">
        {onPage && (
          <button
            type="button"
            disabled={action.busy || waiting > 0}
            onClick={() => publish('statuspage')}
          >
            {waiting > 0 ? t('rs_retryIn', String(waiting)) : t('rs_publish')}
          </button>
        )}
        <button
          type="button"
          class={onPage ? 'secondary' : ''}
          disabled={action.busy}
          onClick={() => publish('manual')}
        >
          {t(manualLabel)}
        </button>
        {gate.asking && (
          <button
            type="button"
            class="secondary"
            disabled={action.busy || waiting > 0}
            onClick={() => publish(onPage ? 'statuspage' : 'manual', true)}
          >
            {t('rs_gate_anyway')}
          </button>
        )}
        {lost && (
          <button type="button" class="secondary" disabled={action.busy} onClick={unlink}>
            {t('rs_sp_unlink')}
          </button>
        )}
      </p>
      {spKind && !props.statuspage.connected && (
        <p class="muted meta">{t('rs_sp_notConnectedHint')}</p>
      )}
      <Alert message={action.error} />
    </div>
  );
}
