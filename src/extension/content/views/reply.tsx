import { useId, useState } from 'preact/hooks';
import { buildSupportReply, latestPublicUpdate } from '../../../core/comms/support';
import { languageOf, type Language } from '../../../core/language';
import { formatClock } from '../../../core/time';
import type { OverlayIncident } from '../../messaging/overlay-state';
import { t, uiLocale } from '../../i18n/translate';
import type { OverlayPorts } from './ports';

type CopyState = 'idle' | 'copied' | 'failed' | 'inserted' | 'noEditor';

/** The reply languages the agent can pick, each named in itself. */
const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', de: 'Deutsch' };

/** What both reply controls get: the card's incident, the overlay's ports and the picked language. */
interface ReplyProps {
  item: OverlayIncident;
  ports: OverlayPorts;
  language: Language;
  onLanguage(l: Language): void;
}

/**
 * "Copy customer reply": fills the support-reply template for the incident's state from the latest
 * public update, puts it on the clipboard and tells the background which update it quoted, so the
 * background can mark it stale when a newer update arrives. The stale notice shows the newer
 * update's text. The reply is in the language the agent picked for this customer (`language`),
 * whatever the UI's.
 */
export function CopyReply({ item, ports, language, onLanguage }: ReplyProps) {
  const [state, setState] = useState<CopyState>('idle');
  const latest = latestPublicUpdate(item.incident);
  const copied = item.copied;
  const stale = copied?.stale === true;

  const reply = () => {
    // The reply is in the picked language, with the UI's clock format when that is the same
    // language; its times are in the status page's zone (UTC when it declares none), never the
    // agent's. It links the incident itself when there is a link.
    const ui = uiLocale();
    const ctx = {
      now: ports.now(),
      locale: languageOf(ui) === language ? ui : language,
      ...(item.incidentUrl ? { incidentUrl: item.incidentUrl } : {}),
      ...(item.statusPageUrl ? { statusPageUrl: item.statusPageUrl } : {}),
      ...(item.statusPageTimeZone ? { timeZone: item.statusPageTimeZone } : {}),
    };
    return buildSupportReply(item.incident, ctx);
  };
  /** Where the reply went: the background marks it stale once a newer update arrives. */
  const record = (text: string) =>
    ports
      .send('replies/copied', {
        sourceId: item.sourceId,
        incidentId: item.incident.id,
        updateId: latest?.id ?? '',
        text,
      })
      .catch(() => undefined); // the reply is out; staleness tracking is best effort

  const onCopy = async () => {
    const text = reply();
    try {
      await ports.copy(text);
    } catch {
      setState('failed');
      return;
    }
    setState('copied');
    await record(text);
  };
  const onInsert = async () => {
    const text = reply();
    if (!(await ports.insert?.(text))) return setState('noEditor');
    setState('inserted');
    await record(text);
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
      <div class="reply-actions">
        <button type="button" class="copy" onClick={() => void onCopy()}>
          {stale
            ? t('reply_copyAgain')
            : item.endedAt !== undefined
              ? t('reply_copy_resolved')
              : t('reply_copy')}
        </button>{' '}
        {ports.insert && (
          <button type="button" class="insert" onClick={() => void onInsert()}>
            {t('reply_insert')}
          </button>
        )}
        <LanguagePicker language={language} onLanguage={onLanguage} />
      </div>
      <p class="muted" aria-live="polite">
        {state === 'copied' && !stale ? t('reply_copied') : ''}
        {state === 'inserted' ? t('reply_inserted') : ''}
        {state === 'failed' ? t('reply_failed') : ''}
        {state === 'noEditor' ? t('reply_noEditor') : ''}
      </p>
    </div>
  );
}

/** The reply language for this customer: one choice for the reply and the holding line alike. */
function LanguagePicker({
  language,
  onLanguage,
}: {
  language: Language;
  onLanguage(l: Language): void;
}) {
  const pickerId = useId();
  return (
    <span class="reply-lang">
      <label for={pickerId}>{t('reply_language')}</label>{' '}
      <select
        id={pickerId}
        value={language}
        onChange={(e) => onLanguage(languageOf(e.currentTarget.value))}
      >
        {(Object.keys(LANGUAGE_NAMES) as Language[]).map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </span>
  );
}

/**
 * An internal incident (declared by the team, not public yet): no customer reply is built, since
 * nothing public exists to quote. The team's holding line, when its templates have one, can be
 * copied instead, in the reply language picked for this customer (English when the team wrote
 * none in that language, and the agent is told so).
 */
export function InternalReply({ item, ports, language, onLanguage }: ReplyProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const lines = item.internal?.holdingLines;
  const line = lines?.[language] ?? lines?.en;
  if (!line) return <p class="muted">{t('card_noReplyInternal')}</p>;
  const fallback = lines?.[language] === undefined;
  const onCopy = () =>
    ports.copy(line).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  return (
    <div class="reply">
      <p class="muted">{t('card_noReplyInternal')}</p>
      <div class="reply-actions">
        <button type="button" class="copy-holding" onClick={() => void onCopy()}>
          {t('reply_copyHolding')}
        </button>{' '}
        <LanguagePicker language={language} onLanguage={onLanguage} />
      </div>
      {fallback && <p class="muted">{t('reply_holdingInEnglish', LANGUAGE_NAMES[language])}</p>}
      <p class="muted" aria-live="polite">
        {state === 'copied' ? t('reply_holdingCopied') : ''}
        {state === 'failed' ? t('reply_failed') : ''}
      </p>
    </div>
  );
}
