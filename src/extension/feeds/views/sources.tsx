import { useState } from 'preact/hooks';
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
        <p class="meta error">{t('source_lastError', s.lastError)}</p>
      ) : (
        s.lastOkAt !== undefined && <p class="meta ok">{t('source_ok')}</p>
      )}
    </>
  );
}

/** Sources: the list with each one's poll state, edit and remove; a form to add one. */
export function SourcesSection() {
  const sources = useDbQuery(listSources, []);
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const now = Date.now();
  const remove = (s: SourceRecord) => {
    setError(null);
    void send('sources/remove', { id: s.id })
      .catch((e: unknown) => setError(errorMessage(e)))
      .finally(sources.refresh);
  };
  const list = sources.data ?? [];
  const mayAdd = useManaged()?.config.allowUserSources ?? true;
  return (
    <div>
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
                <PollState s={s} now={now} />
                {!s.managed && (
                  <>
                    <button type="button" class="secondary" onClick={() => setEditing(s.id)}>
                      {t('source_editNamed', s.name)}
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
