import { useState } from 'preact/hooks';
import { formatDate } from '../../../core/time';
import type { ActionItemStatus, Review } from '../../../core/review';
import { send } from '../../messaging/channel';
import { t, uiLocale } from '../../i18n/translate';
import { useDbQuery } from '../../ui/hooks/use-db';
import { StatusOptions } from './actions-editor';
import { CompletionChart } from './completion-chart';
import { localTimeZone } from './dates';
import { readReviews } from '../repo';
import { dashboardView } from './view-model';
import { errorMessage } from '../../ui/error';

/**
 * Action-item tracking across reviews: every item (overdue first) with its owner, due date and a
 * status control, and the monthly completion rate for the last 12 months (chart and table).
 */
export function ActionItemDashboard({ onOpen }: { onOpen(incidentId: string): void }) {
  const { data, error, refresh } = useDbQuery(readReviews, []);
  const [status, setStatus] = useState('');
  if (error) return <p class="error">{error}</p>;
  if (!data) return <p class="muted">{t('popup_loading')}</p>;
  const now = Date.now();
  const { rows, months } = dashboardView(data, now, uiLocale(), localTimeZone());
  const incidentOf = new Map(data.map((r: Review) => [r.id, r.incidentId]));
  const setItem = async (reviewId: string, itemId: string, s: ActionItemStatus) => {
    try {
      await send('reviews/setItemStatus', { id: reviewId, itemId, status: s });
      setStatus(t('review_statusSaved'));
    } catch (e) {
      setStatus(errorMessage(e));
    }
    refresh();
  };
  const date = (at: number) => formatDate(at, uiLocale(), localTimeZone());
  return (
    <div>
      <h3>{t('dash_items')}</h3>
      {rows.length === 0 ? (
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
          <tbody>
            {rows.map(({ item, reviewId, reviewTitle, overdue }) => (
              <tr
                key={`${reviewId}|${item.id}`}
                data-item={item.id}
                data-overdue={overdue ? 'true' : 'false'}
              >
                <td>{item.description}</td>
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
      <p role="status" class="status hint">
        {status}
      </p>
      <h3>{t('dash_rateHeading')}</h3>
      <p class="hint">{t('dash_rateHint')}</p>
      <CompletionChart rows={months} />
    </div>
  );
}
