import { useEffect, useRef, useState } from 'preact/hooks';
import { OnScrolledTo } from '../../ui/components/on-scrolled-to';
import { formatDate } from '../../../core/time';
import {
  dashboardCsv,
  openItemsChecklist,
  openItemsCsv,
  type ActionItemStatus,
} from '../../../core/review';
import type { Severity } from '../../../core/types';
import { send } from '../../messaging/channel';
import { downloadText } from '../../ui/browser/download';
import { errorMessage } from '../../ui/error';
import { t, uiLocale } from '../../i18n/translate';
import { pageDB, useDbQuery } from '../../ui/hooks/use-db';
import { StatusOptions } from './actions-editor';
import { CommsChart } from './comms-chart';
import { CompletionChart } from './completion-chart';
import { localTimeZone } from '../../ui/datetime-input';
import { completionRows, ITEMS_PAGE } from './view-model';
import { readDashboardPage } from '../dashboard-data';

const SEVERITIES: readonly Severity[] = [1, 2, 3, 4];

/**
 * The reviews dashboard: communication-SLA compliance per channel and the action-item completion
 * rate, month by month (charts with accessible tables), every action item with a status control,
 * a severity filter over all of it, and exports (the reports as CSV; open items as CSV or a
 * Markdown checklist for an issue tracker).
 */
export function ActionItemDashboard({ onOpen }: { onOpen(incidentId: string): void }) {
  const [status, setStatus] = useState('');
  const [severity, setSeverity] = useState<Severity | 'all'>('all');
  const [shown, setShown] = useState(ITEMS_PAGE);
  // Each page of rows is read from the items' index (issue 22): `shown` is the query's input.
  const { data, error, refresh } = useDbQuery(
    (db) => readDashboardPage(db, severity, shown, localTimeZone()),
    [severity, shown],
  );
  const showMore = () => setShown((n) => n + ITEMS_PAGE);
  // Pressing "Show more" removes the button (a new one per page, or none after the last), which
  // would drop focus to the page: it goes to the first new row's control once that row is read.
  // Scrolling to the end (the sentinel) loads the page without moving focus.
  const [focusRow, setFocusRow] = useState<number | null>(null);
  const body = useRef<HTMLTableSectionElement>(null);
  const loaded = data?.rows.length ?? 0;
  useEffect(() => {
    if (focusRow === null || loaded <= focusRow) return;
    body.current?.children[focusRow]?.querySelector('select')?.focus();
    setFocusRow(null);
  }, [focusRow, loaded]);
  const pressMore = () => {
    setFocusRow(shown);
    showMore();
  };
  if (error) return <p class="error">{error}</p>;
  if (!data) return <p class="muted">{t('popup_loading')}</p>;
  const tz = localTimeZone();
  const { comms, completion, rows, total, incidentOf } = data;
  const months = completionRows(completion, uiLocale());
  const setItem = async (reviewId: string, itemId: string, s: ActionItemStatus) => {
    try {
      await send('reviews/setItemStatus', { id: reviewId, itemId, status: s });
      setStatus(t('review_statusSaved'));
    } catch (e) {
      setStatus(errorMessage(e));
    }
    refresh();
  };
  /** Every row, for the exports: the ones shown, or all of them read once more. */
  const allRows = async () =>
    rows.length === total
      ? rows
      : (await readDashboardPage(await pageDB(), severity, total, tz)).rows;
  const suffix = severity === 'all' ? '' : `-sev${severity}`;
  const exportReports = () => {
    downloadText(
      dashboardCsv(comms, completion),
      'text/csv;charset=utf-8',
      `review-dashboard${suffix}.csv`,
    );
    setStatus(t('rvd_csvDone'));
  };
  const exportItems = async () => {
    downloadText(
      openItemsCsv(await allRows(), tz),
      'text/csv;charset=utf-8',
      `open-action-items${suffix}.csv`,
    );
    setStatus(t('rvd_csvDone'));
  };
  const copyChecklist = async () => {
    try {
      await navigator.clipboard.writeText(openItemsChecklist(await allRows(), tz));
      setStatus(t('rvd_checklistCopied'));
    } catch {
      setStatus(t('review_exportCopyFailed'));
    }
  };
  const date = (at: number) => formatDate(at, uiLocale(), tz);
  return (
    <div>
      <div class="row filter">
        <label>
          <span>{t('rvd_severity')}</span>
          <select
            value={String(severity)}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setSeverity(v === 'all' ? 'all' : (Number(v) as Severity));
            }}
          >
            <option value="all">{t('rvd_allSeverities')}</option>
            {SEVERITIES.map((s) => (
              <option key={s} value={String(s)}>
                {`SEV-${s}`}
              </option>
            ))}
          </select>
        </label>
        <div>
          <button type="button" class="secondary" onClick={exportReports}>
            {t('rvd_csv')}
          </button>
        </div>
      </div>
      <p class="hint">{t('rvd_severityHint')}</p>
      <h3>{t('rvd_commsHeading')}</h3>
      <p class="hint">{t('rvd_commsHint')}</p>
      <CommsChart rows={comms} />
      <h3>{t('dash_rateHeading')}</h3>
      <p class="hint">{t('dash_rateHint')}</p>
      <CompletionChart rows={months} />
      <h3>{t('dash_items')}</h3>
      <div class="actions">
        <button type="button" class="secondary" onClick={() => void exportItems()}>
          {t('rvd_itemsCsv')}
        </button>
        <button type="button" class="secondary" onClick={() => void copyChecklist()}>
          {t('rvd_itemsChecklist')}
        </button>
      </div>
      {total === 0 ? (
        <p>{t('dash_noItems')}</p>
      ) : (
        <table data-testid="rv-items">
          <caption class="sr">{t('dash_itemsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dash_action')}</th>
              <th scope="col">{t('review_owner')}</th>
              <th scope="col">{t('review_due')}</th>
              <th scope="col">{t('review_status')}</th>
              <th scope="col">{t('reviews_review')}</th>
            </tr>
          </thead>
          <tbody ref={body}>
            {rows.slice(0, shown).map(({ item, reviewId, reviewTitle, overdue }) => (
              <tr
                key={`${reviewId}|${item.id}`}
                data-item={item.id}
                data-overdue={overdue ? 'true' : 'false'}
              >
                <td>
                  {item.description}
                  {item.toDefine && <span class="hint"> {t('rvi_toDefineTag')}</span>}
                </td>
                <td>{item.owner || <span class="muted">{t('dash_unassigned')}</span>}</td>
                <td>
                  {item.dueAt === undefined ? (
                    <span class="muted">{t('dash_noDate')}</span>
                  ) : (
                    date(item.dueAt)
                  )}
                  {overdue && <span class="overdue"> {t('dash_overdue')}</span>}
                </td>
                <td>
                  <select
                    aria-label={t('dash_statusOf', item.description)}
                    value={item.status}
                    onChange={(e) =>
                      void setItem(reviewId, item.id, e.currentTarget.value as ActionItemStatus)
                    }
                  >
                    <StatusOptions />
                  </select>
                </td>
                <td>
                  <button
                    type="button"
                    class="secondary"
                    onClick={() => onOpen(incidentOf.get(reviewId) ?? '')}
                  >
                    {reviewTitle}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {total > shown && (
        <p key={shown /* a new sentinel per page, observed afresh */}>
          {/* A button too: keyboard and screen-reader users do not depend on scrolling. */}
          <button type="button" class="secondary" onClick={pressMore}>
            {t('dash_moreItems', total - shown)}
          </button>
          <OnScrolledTo onVisible={showMore} />
        </p>
      )}
      <p role="status" class="status hint">
        {status}
      </p>
    </div>
  );
}
