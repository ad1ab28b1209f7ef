import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { send } from '../../messaging/channel';
import { IMPORT_PROGRESS, type ImportProgressMessage } from '../../messaging/commands';
import { toDateInput } from '../../ui/datetime-input';
import { downloadText } from '../../ui/browser/download';
import { t } from '../../i18n/translate';
import { errorMessage } from '../../ui/error';

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

/** Export everything to a JSON download; import a backup, which the background refuses whole if bad. */
export function DataSection() {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
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

  const onImport = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setImporting(true);
    setOutcome(null);
    try {
      const res = await send('data/import', { json: await file.text() });
      if (res.ok) {
        const counts = Object.entries(res.counts)
          .map(([k, n]) => `${k}: ${n}`)
          .join(', ');
        const notes = res.notes.length ? ` ${res.notes.join(' ')}` : '';
        setOutcome({ kind: 'ok', text: `${t('data_imported', counts)}${notes}` });
      } else {
        setOutcome({ kind: 'error', text: t('data_refused', res.error) });
      }
    } catch (e) {
      setOutcome({
        kind: 'error',
        text: t('data_refused', errorMessage(e)),
      });
    } finally {
      input.value = '';
      setImporting(false);
      setBusy(false);
    }
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
        onChange={(e) => void onImport(e.currentTarget)}
      />
      <ImportProgressBar progress={progress} />
      <p role="status" class={outcome?.kind === 'error' ? 'error' : 'ok'}>
        {outcome?.text ?? ''}
      </p>
    </div>
  );
}
