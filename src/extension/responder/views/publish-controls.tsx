import { send } from '../../messaging/channel';
import { fromLocalInput } from '../../ui/datetime-input';
import { t } from '../../i18n/translate';
import { Alert, useAction } from './common';
import type { DraftContext } from './draft-editor';
import { refusalText } from './draft-editor';
import { DEFAULT_STATUS, isStatusPageKind } from '../kinds';
import type { MessageKind, StatuspageStatus } from '../protocol';
import { errorText } from './status-text';
import { TARGET_FIELDS, TargetFields, targetOf } from './target-fields';

/**
 * Publishing a draft: "Publish to Statuspage" when a page is connected (status-page messages),
 * and always "Mark as posted / sent / shown". A refused draft is not sent; a failed publish keeps it.
 */
export function PublishControls(props: {
  incidentId: string;
  kind: Exclude<MessageKind, 'resolution'>;
  ctx: DraftContext;
  statuspage: StatuspageStatus;
  onPublished(): void;
}) {
  const { kind, ctx } = props;
  const action = useAction();
  const spKind = isStatusPageKind(kind);
  const target = targetOf(ctx.fields, {
    status: spKind ? DEFAULT_STATUS[kind] : 'investigating',
    componentStatus: 'partial_outage',
  });

  const publish = (via: 'statuspage' | 'manual') =>
    void action.run(async () => {
      if (!ctx.drafted.ok) return refusalText(kind, ctx.drafted);
      // the next update time the message promises: its deadline is then held to it
      const promised = fromLocalInput(ctx.fields.nextUpdateAt ?? '');
      const r = await send('incidents/publish', {
        id: props.incidentId,
        kind,
        text: ctx.drafted.text,
        via,
        fields: ctx.fields,
        ...(promised !== null ? { nextUpdateAt: promised } : {}),
        ...(via === 'statuspage' ? { target } : {}),
      });
      if (!r.ok) return errorText(r.error);
      props.onPublished();
      return null;
    });

  const manualLabel = spKind ? 'rs_markPosted' : kind === 'banner' ? 'rs_markShown' : 'rs_markSent';
  return (
    <div class="publish">
      {spKind && props.statuspage.connected && (
        <TargetFields
          prefix={`pub-${kind}`}
          target={target}
          rawComponents={ctx.fields[TARGET_FIELDS.components] ?? ''}
          set={ctx.set}
        />
      )}
      <p class="row">
        {spKind && props.statuspage.connected && (
          <button type="button" disabled={action.busy} onClick={() => publish('statuspage')}>
            {t('rs_publish')}
          </button>
        )}
        <button
          type="button"
          class={spKind && props.statuspage.connected ? 'secondary' : ''}
          disabled={action.busy}
          onClick={() => publish('manual')}
        >
          {t(manualLabel)}
        </button>
      </p>
      {spKind && !props.statuspage.connected && (
        <p class="muted meta">{t('rs_sp_notConnectedHint')}</p>
      )}
      <Alert message={action.error} />
    </div>
  );
}
