import { useEffect, useRef, useState } from 'preact/hooks';
import { formatRelative } from '../../../core/time';
import type { SourceRecord } from '../../db/schema';
import { listSources } from '../../db/sources';
import { send } from '../../messaging/channel';
import { t, uiLocale } from '../../i18n/translate';
import { useDbQuery } from '../../ui/hooks/use-db';
import { SourceForm } from './source-form';
import { FORMAT_NAMES } from '../format-names';
import { feedUrlWarning } from '../../origins/page-origin';
import { errorMessage } from '../../ui/error';
import { sourceErrorText } from './source-errors';
import { ManagedBadge } from '../../managed/views/managed-notice';
import { useManaged } from '../../managed/views/use-managed';

/** The source's format as the list shows it: the one chosen, else the one last read. */
const formatOf = (s: SourceRecord): string | undefined =>
  s.format
    ? t('source_formatChosen', FORMAT_NAMES[s.format])
    : s.detectedFormat && FORMAT_NAMES[s.detectedFormat];

/** Last poll and last error of a source, in words. */
function PollState({ s, now }: { s: SourceRecord; now: number }) {
  // (an imported source has no stored warning: worked out from its URL the same way)
  const warning = s.warning ?? feedUrlWarning(s.url);
  return (
    <>
      {warning && <p class="meta warning">{t(warning)}</p>}
      <p class="meta">
        {s.lastPollAt
          ? t('source_lastPoll', formatRelative(s.lastPollAt, now, uiLocale()))
          : t('source_neverPolled')}
      </p>
      {s.lastError ? (
        <p class="meta error">{t('source_lastError', sourceErrorText(s.lastError))}</p>
      ) : (
        s.lastOkAt !== undefined && <p class="meta ok">{t('source_ok')}</p>
      )}
    </>
  );
}

/** How long "Removed · Undo" stays before the source is really removed. */
export const UNDO_MS = 8_000;

/**
 * Sources: the list with each one's poll state, edit, pause and remove; a form to add one.
 * Remove is undoable (issue 19, item 13): the source is paused at once (no polling, out of the
 * overlay) and removed only when the "Removed · Undo" notice has been up UNDO_MS, or when the page
 * is left; Undo puts it back as it was.
 */
export function SourcesSection() {
  const sources = useDbQuery(listSources, []);
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [removed, setRemoved] = useState<{ s: SourceRecord; timer: number } | null>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const now = Date.now();
  const fail = (e: unknown) => setError(errorMessage(e));
  const finish = (s: SourceRecord) =>
    void send('sources/remove', { id: s.id }).catch(fail).finally(sources.refresh);
  // Leaving the page ends the undo window: the removal happens now.
  useEffect(() => {
    if (!removed) return;
    const leave = () => finish(removed.s);
    addEventListener('pagehide', leave);
    return () => removeEventListener('pagehide', leave);
  }, [removed]);
  useEffect(() => {
    if (removed) undoRef.current?.focus();
  }, [removed]);
  const remove = (s: SourceRecord) => {
    setError(null);
    // a second Remove ends the first one's undo window
    if (removed) {
      clearTimeout(removed.timer);
      finish(removed.s);
    }
    const timer = window.setTimeout(() => {
      setRemoved(null);
      finish(s);
    }, UNDO_MS);
    setRemoved({ s, timer });
    if (s.enabled)
      void send('sources/update', { id: s.id, enabled: false })
        .catch(fail)
        .finally(sources.refresh);
  };
  const undo = () => {
    if (!removed) return;
    clearTimeout(removed.timer);
    setRemoved(null);
    if (removed.s.enabled)
      void send('sources/update', { id: removed.s.id, enabled: true })
        .catch(fail)
        .finally(sources.refresh);
    headingRef.current?.focus();
  };
  const pause = (s: SourceRecord, enabled: boolean) => {
    setError(null);
    void send('sources/update', { id: s.id, enabled }).catch(fail).finally(sources.refresh);
  };
  const list = (sources.data ?? []).filter((s) => s.id !== removed?.s.id);
  const mayAdd = useManaged()?.config.allowUserSources ?? true;
  return (
    <div>
      <h3 class="sr" tabIndex={-1} ref={headingRef}>
        {t('source_listHeading')}
      </h3>
      {removed && (
        <p class="undo" role="status">
          {t('source_removed', removed.s.name)}{' '}
          <button type="button" ref={undoRef} onClick={undo}>
            {t('source_undo')}
          </button>
        </p>
      )}
      {sources.error && <p class="error">{sources.error}</p>}
      {list.length === 0 ? (
        <p class="muted">{t('source_none')}</p>
      ) : (
        <ul class="sources">
          {list.map((s) =>
            editing === s.id ? (
              <li key={s.id}>
                <SourceForm editing={s} onDone={() => (setEditing(null), sources.refresh())} />
              </li>
            ) : (
              <li key={s.id} class="card">
                <h3>
                  {s.name}
                  {s.managed && <ManagedBadge />}
                </h3>
                <p class="meta">
                  <span class="url">{s.url}</span> · {t('source_every', s.pollSeconds)}
                  {formatOf(s) && <> · {formatOf(s)}</>}
                </p>
                {s.enabled ? (
                  <PollState s={s} now={now} />
                ) : (
                  <p class="meta">{t('source_paused')}</p>
                )}
                {!s.managed && (
                  <>
                    <button type="button" class="secondary" onClick={() => setEditing(s.id)}>
                      {t('source_editNamed', s.name)}
                    </button>{' '}
                    <button type="button" class="secondary" onClick={() => pause(s, !s.enabled)}>
                      {t(s.enabled ? 'source_pauseNamed' : 'source_resumeNamed', s.name)}
                    </button>{' '}
                    <button type="button" class="secondary" onClick={() => remove(s)}>
                      {t('source_removeNamed', s.name)}
                    </button>
                  </>
                )}
              </li>
            ),
          )}
        </ul>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {mayAdd ? (
        <>
          <h3>{t('source_add')}</h3>
          <SourceForm key={list.length} onDone={sources.refresh} />
        </>
      ) : (
        <p class="muted">{t('managed_noOwnSources')}</p>
      )}
    </div>
  );
}
