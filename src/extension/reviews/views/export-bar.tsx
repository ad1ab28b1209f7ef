import { useState } from 'preact/hooks';
import {
  reviewToHtml,
  reviewToMarkdown,
  type ExportCommunication,
  type ExportOptions,
  type Review,
} from '../../../core/review';
import { blobUrl, downloadText } from '../../ui/browser/download';
import { t, uiLocale } from '../../i18n/translate';
import { localTimeZone } from '../../ui/datetime-input';

/** The export settings: the UI locale and the browser's zone, fixed so the bytes are stable. */
export function exportOptions(communication?: ExportCommunication): ExportOptions {
  return {
    locale: uiLocale(),
    timeZone: localTimeZone(),
    ...(communication ? { communication } : {}),
  };
}

/** A file name for the review's exports: `post-incident-review-<title>.md`. */
export function exportFileName(review: Review, ext: 'md' | 'html'): string {
  const slug = review.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `post-incident-review-${slug || review.id}.${ext}`;
}

/**
 * Export: Markdown as a download or on the clipboard, and the printable HTML in a new tab (print it
 * to PDF from there, or straight away with "Print"). The review exported is the one on screen.
 */
export function ExportBar({
  review,
  communication,
}: {
  review: Review;
  /** The communication section (compliance line, support impact), computed from the incident. */
  communication?: ExportCommunication | undefined;
}) {
  const [status, setStatus] = useState('');
  const markdown = () => reviewToMarkdown(review, exportOptions(communication));
  const download = () => {
    downloadText(markdown(), 'text/markdown;charset=utf-8', exportFileName(review, 'md'));
    setStatus(t('review_exportDownloaded'));
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(markdown());
      setStatus(t('review_exportCopied'));
    } catch {
      setStatus(t('review_exportCopyFailed'));
    }
  };
  const open = (print: boolean) => {
    const url = blobUrl(
      reviewToHtml(review, exportOptions(communication)),
      'text/html;charset=utf-8',
    );
    const tab = window.open(url, '_blank');
    if (!tab) {
      setStatus(t('review_exportBlocked'));
      return;
    }
    if (print) tab.addEventListener('load', () => tab.print(), { once: true });
    setStatus(t('review_exportOpened'));
  };
  return (
    <div role="group" aria-labelledby="rv-export-label">
      <p id="rv-export-label">
        <b>{t('review_export')}</b>
      </p>
      <div class="actions">
        <button type="button" class="secondary" onClick={download}>
          {t('review_exportMarkdown')}
        </button>
        <button type="button" class="secondary" onClick={() => void copy()}>
          {t('review_exportCopy')}
        </button>
        <button type="button" class="secondary" onClick={() => open(false)}>
          {t('review_exportHtml')}
        </button>
        <button type="button" class="secondary" onClick={() => open(true)}>
          {t('review_exportPrint')}
        </button>
      </div>
      <p role="status" class="status hint">
        {status}
      </p>
    </div>
  );
}
