import { useState } from 'preact/hooks';
import { buildSupportReply, latestPublicUpdate } from '../../../core/comms/support';
import { formatClock } from '../../../core/time';
import type { OverlayIncident } from '../../messaging/overlay-state';
import { t, uiLocale } from '../../i18n/translate';
import type { OverlayPorts } from './ports';

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * "Copy customer reply": fills the support-reply template from the latest public update, puts
 * it on the clipboard and tells the background which update it quoted, so the background can
 * mark it stale when a newer update arrives. The stale notice shows the newer update's text.
 */
export function CopyReply({ item, ports }: { item: OverlayIncident; ports: OverlayPorts }) {
  const [state, setState] = useState<CopyState>('idle');
  const latest = latestPublicUpdate(item.incident);
  const copied = item.copied;
  const stale = copied?.stale === true;

  const onCopy = async () => {
    const now = ports.now();
    // The reply is in the extension's language (German or English), with its clock format; its
    // times are in the status page's zone (UTC when it declares none), never the agent's.
    const ctx = {
      now,
      locale: uiLocale(),
      ...(item.statusPageUrl ? { statusPageUrl: item.statusPageUrl } : {}),
      ...(item.statusPageTimeZone ? { timeZone: item.statusPageTimeZone } : {}),
    };
    const text = buildSupportReply(item.incident, ctx);
    try {
      await ports.copy(text);
    } catch {
      setState('failed');
      return;
    }
    setState('copied');
    await ports
      .send('replies/copied', {
        sourceId: item.sourceId,
        incidentId: item.incident.id,
        updateId: latest?.id ?? '',
        text,
      })
      .catch(() => undefined); // the reply is on the clipboard; staleness tracking is best effort
  };

  return (
    <div class="reply">
      {stale && copied && (
        <div class="stale" role="status">
          <p>
            <strong>{t('reply_stale', formatClock(copied.copiedAt, uiLocale()))}</strong>
          </p>
          {copied.newerUpdateBody && (
            <p>
              {t('reply_whatChanged')} <span class="update">{copied.newerUpdateBody}</span>
            </p>
          )}
        </div>
      )}
      <button type="button" onClick={() => void onCopy()}>
        {stale ? t('reply_copyAgain') : t('reply_copy')}
      </button>
      <span class="muted" aria-live="polite">
        {state === 'copied' && !stale ? ` ${t('reply_copied')}` : ''}
        {state === 'failed' ? ` ${t('reply_failed')}` : ''}
      </span>
    </div>
  );
}
