import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { listSites } from '../../db/sites';
import { listSources } from '../../db/sources';
import { send } from '../../messaging/channel';
import { IMPORT_PROGRESS, type ImportProgressMessage } from '../../messaging/commands';
import { originPattern } from '../../origins/match-patterns';
import { toDateInput } from '../../ui/datetime-input';
import { downloadText } from '../../ui/browser/download';
import { requestHosts, useGranted } from '../../ui/browser/permissions';
import { useDbQuery } from '../../ui/hooks/use-db';
import { t, tn } from '../../i18n/translate';
import { errorMessage } from '../../ui/error';
import { previewImport, type ImportMode, type ImportPreview } from './import-preview';

type Outcome = { kind: 'ok' | 'error'; text: string } | null;

/** An import shows its progress bar only once it has taken this long (a small one never flashes it). */
export const PROGRESS_AFTER_MS = 1000;

/** An import's progress: null until it has run PROGRESS_AFTER_MS; `total` 0 while not yet known. */
type Progress = { written: number; total: number } | null;

const isProgress = (m: unknown): m is ImportProgressMessage =>
  typeof m === 'object' && m !== null && (m as { type?: unknown }).type === IMPORT_PROGRESS;

/** The import's progress from the background's messages, while `running`, shown after a second. */
function useImportProgress(running: boolean): Progress {
  const [progress, setProgress] = useState<Progress>(null);
  useEffect(() => {
    if (!running) return setProgress(null);
    let latest = { written: 0, total: 0 };
    let shown = false;
    const timer = setTimeout(() => {
      shown = true;
      setProgress(latest);
    }, PROGRESS_AFTER_MS);
    const listener = (m: unknown): undefined => {
      if (!isProgress(m)) return;
      latest = { written: m.written, total: m.total };
      if (shown) setProgress(latest);
    };
    browser.runtime.onMessage.addListener(listener);
    return () => {
      clearTimeout(timer);
      browser.runtime.onMessage.removeListener(listener);
    };
  }, [running]);
  return progress;
}

/** The bar: determinate once the background said how many records, indeterminate before. */
function ImportProgressBar({ progress }: { progress: Progress }) {
  if (!progress) return null;
  const known = progress.total > 0;
  const text = known
    ? t('data_importProgress', progress.written, progress.total)
    : t('data_importReading');
  return (
    <div class="import-progress">
      <label for="import-progress">{t('data_importing')}</label>{' '}
      <progress
        id="import-progress"
        {...(known ? { max: progress.total, value: progress.written } : {})}
        aria-valuetext={text}
      />{' '}
      <span class="muted">{text}</span>
    </div>
  );
}

/** A file name with the local date, so several backups sort by day. */
export function backupFileName(now: Date): string {
  return `incident-lens-backup-${toDateInput(now.getTime())}.json`;
}

/** The match patterns the stored sources and sites need. */
function hostsOf(data: Awaited<ReturnType<typeof here>> | undefined): string[] {
  const out = new Set<string>();
  for (const s of data?.sources ?? []) {
    try {
      out.add(originPattern(s.url));
    } catch {
      // not http(s): nothing to ask for
    }
  }
  for (const s of data?.sites ?? []) out.add(s.pattern);
  return [...out];
}

const here = async (db: Parameters<typeof listSources>[0]) => ({
  sources: await listSources(db),
  sites: await listSites(db),
});

/** Host access the imported sources and sites still lack, with a button that asks for it. */
function HostAccess({ hosts }: { hosts: string[] }) {
  const granted = useGranted(hosts);
  const missing = hosts.filter((h) => granted[h] === false);
  const [asked, setAsked] = useState(false);
  if (missing.length === 0) return null;
  const onGrant = () => {
    // In the click, before any await: browsers show the prompt only inside the gesture.
    void requestHosts(missing).then((ok) => {
      setAsked(!ok);
      // the sources can be read now: poll them at once
      if (ok) void send('sources/pollNow', {}).catch(() => undefined);
    });
  };
  return (
    <div class="warning" role="status" aria-labelledby="import-hosts-title">
      <p id="import-hosts-title">
        <strong>{tn('data_hostsMissing', missing.length)}</strong>
      </p>
      <ul>
        {missing.map((h) => (
          <li key={h} class="url">
            {h}
          </li>
        ))}
      </ul>
      <button type="button" onClick={onGrant}>
        {t('data_grantHosts')}
      </button>
      {asked && <p class="error">{t('data_grantRefused')}</p>}
    </div>
  );
}

/** What the chosen file would change, and the choice: merge, replace or cancel. */
function Preview({
  p,
  busy,
  onRun,
  onCancel,
}: {
  p: ImportPreview;
  busy: boolean;
  onRun(mode: ImportMode): void;
  onCancel(): void;
}) {
  const list = (names: string[]) => (names.length ? names.join(', ') : t('data_none'));
  return (
    <section class="card" aria-labelledby="import-preview-title">
      <h3 id="import-preview-title">{t('data_previewTitle')}</h3>
      <p>{t('data_previewSources', p.sources.length, list(p.sources))}</p>
      <p>{t('data_previewSites', p.sites.length, list(p.sites))}</p>
      <p class="meta">
        {t(
          'data_previewRecords',
          tn('data_previewIncidents', p.counts.incidents ?? 0),
          tn('data_previewReviews', p.counts.reviews ?? 0),
        )}
      </p>
      <h4>{t('data_merge')}</h4>
      <p class="meta">{t('data_mergeHelp')}</p>
      {p.duplicates.length > 0 && (
        <p class="meta warning">{t('data_mergeDuplicates', list(p.duplicates))}</p>
      )}
      <h4>{t('data_replace')}</h4>
      <p class="meta">{t('data_replaceHelp', list(p.removed.sources), list(p.removed.sites))}</p>
      {p.hosts.length > 0 && <p class="meta">{tn('data_hostsAsked', p.hosts.length)}</p>}
      <p class="actions">
        <button type="button" disabled={busy} onClick={() => onRun('merge')}>
          {t('data_merge')}
        </button>{' '}
        <button type="button" class="secondary" disabled={busy} onClick={() => onRun('replace')}>
          {t('data_replace')}
        </button>{' '}
        <button type="button" class="secondary" disabled={busy} onClick={onCancel}>
          {t('source_cancel')}
        </button>
      </p>
    </section>
  );
}

/**
 * Export everything to a JSON download. Import a backup: the file is checked and what it would
 * change is shown first; the agent merges or replaces, and is asked for the host access its
 * sources and sites need (a fresh profile has none: its sources would fail with "Failed to fetch").
 */
export function DataSection() {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<{ json: string; preview: ImportPreview } | null>(null);
  const current = useDbQuery(here, []);
  // Every source's and site's host, so the offer also stands after a reload of this page.
  const hosts = hostsOf(current.data);
  const [importing, setImporting] = useState(false);
  const progress = useImportProgress(importing);
  const [includeHeaders, setIncludeHeaders] = useState(false);

  const onExport = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      const { json } = await send('data/export', { includeHeaders });
      downloadText(json, 'application/json', backupFileName(new Date()));
      setOutcome({ kind: 'ok', text: t('data_exported') });
    } catch (e) {
      setOutcome({ kind: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const onChoose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setOutcome(null);
    setPending(null);
    try {
      const json = await file.text();
      const preview = previewImport(json, current.data ?? { sources: [], sites: [] });
      if ('error' in preview) setOutcome({ kind: 'error', text: t('data_refused', preview.error) });
      else setPending({ json, preview });
    } catch (e) {
      setOutcome({ kind: 'error', text: t('data_refused', errorMessage(e)) });
    } finally {
      input.value = ''; // the same file may be chosen again
    }
  };

  const onRun = (mode: ImportMode) => {
    if (!pending) return;
    const { json, preview } = pending;
    // Asked in the click (the gesture), alongside the import: a refusal does not stop the import,
    // and what is still missing is offered again below.
    void requestHosts(preview.hosts);
    setBusy(true);
    setImporting(true);
    void send('data/import', { json, mode })
      .then((res) => {
        setImporting(false);
        if (!res.ok) return setOutcome({ kind: 'error', text: t('data_refused', res.error) });
        const counts = Object.entries(res.counts)
          .map(([k, n]) => `${k}: ${n}`)
          .join(', ');
        const notes = res.notes.length ? ` ${res.notes.join(' ')}` : '';
        setOutcome({ kind: 'ok', text: `${t('data_imported', counts)}${notes}` });
        setPending(null);
        current.refresh();
      })
      .catch((e: unknown) =>
        setOutcome({ kind: 'error', text: t('data_refused', errorMessage(e)) }),
      )
      .finally(() => {
        setImporting(false);
        setBusy(false);
      });
  };

  return (
    <div>
      <p>{t('data_exportHelp')}</p>
      <label class="check">
        <input
          type="checkbox"
          checked={includeHeaders}
          onChange={(e) => setIncludeHeaders(e.currentTarget.checked)}
        />{' '}
        {t('data_includeHeaders')}
      </label>
      <button type="button" disabled={busy} onClick={() => void onExport()}>
        {t('data_export')}
      </button>
      <label for="import-file">{t('data_import')}</label>
      <p class="muted" id="import-help">
        {t('data_importHelp')}
      </p>
      <input
        id="import-file"
        type="file"
        accept="application/json,.json"
        aria-describedby="import-help"
        disabled={busy}
        onChange={(e) => void onChoose(e.currentTarget)}
      />
      {pending && (
        <Preview p={pending.preview} busy={busy} onRun={onRun} onCancel={() => setPending(null)} />
      )}
      <ImportProgressBar progress={progress} />
      <p role="status" class={outcome?.kind === 'error' ? 'error' : 'ok'}>
        {outcome?.text ?? ''}
      </p>
      {hosts.length > 0 && <HostAccess hosts={hosts} />}
    </div>
  );
}
