import { formatDate } from '../../../core/time';
import { send } from '../../messaging/channel';
import { countdown } from '../../i18n/countdown';
import { t, uiLocale } from '../../i18n/translate';
import { SeverityChip } from '../../ui/components/severity';
import { useDbQuery } from '../../ui/hooks/use-db';
import { useNow } from '../../ui/hooks/use-now';
import { localTimeZone } from '../../ui/datetime-input';
import { useState } from 'preact/hooks';
import { OVERVIEW_PAGE, readOverview } from '../repo';
import { reviewListRows, type ReviewListRow } from './view-model';

/** The post-mortem column: a live countdown while unpublished, or when it was met. */
function Postmortem({ row, now }: { row: ReviewListRow; now: number }) {
  const p = row.postmortem;
  if (!p || p.dueAt === null) return <span class="muted">{t('reviews_noPostmortem')}</span>;
  if (p.metAt !== undefined) {
    return <span class="ok">{t(p.state === 'met_late' ? 'reviews_metLate' : 'reviews_met')}</span>;
  }
  const c = countdown(p.dueAt, now);
  return (
    <span class={`cd cd-${c.tone}`} data-tone={c.tone}>
      {c.text}
    </span>
  );
}

/**
 * Resolved incidents, with or without a review, and the countdown to each post-mortem deadline
 * (published within 48 hours of resolution by default). The latest resolved incidents are read a page
 * at a time ("show more" adds the next page); within what is shown, unpublished post-mortems come first.
 */
export function ReviewsList({ onOpen }: { onOpen(incidentId: string): void }) {
  // The latest resolved incidents, a page at a time: thousands may be stored.
  const [limit, setLimit] = useState(OVERVIEW_PAGE);
  const { data, error } = useDbQuery((db) => readOverview(db, limit), [limit]);
  const live = data?.incidents.some((i) => i.status === 'resolved') ?? false;
  const now = useNow(live);
  if (error) return <p class="error">{error}</p>;
  if (!data) return <p class="muted">{t('popup_loading')}</p>;
  const rows = reviewListRows(data.incidents, data.reviews, data.events, data.policy, now);
  if (rows.length === 0) return <p>{t('reviews_none')}</p>;
  const start = async (id: string) => {
    await send('reviews/create', { incidentId: id });
    onOpen(id);
  };
  return (
    <>
      <table class="rv-list">
        <caption class="sr">{t('reviews_listCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reviews_incident')}</th>
            <th scope="col">{t('reviews_resolved')}</th>
            <th scope="col">{t('reviews_postmortem')}</th>
            <th scope="col">{t('reviews_review')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const { incident, review } = row;
            const state = !review
              ? 'reviews_stateNone'
              : review.publishedAt !== undefined
                ? 'reviews_statePublished'
                : 'reviews_stateDraft';
            return (
              <tr key={incident.id} data-incident={incident.id}>
                <td>
                  {incident.severity !== null && <SeverityChip level={incident.severity} />}{' '}
                  {incident.title}
                </td>
                <td>
                  {incident.resolvedAt === undefined
                    ? ''
                    : formatDate(incident.resolvedAt, uiLocale(), localTimeZone())}
                </td>
                <td>
                  <Postmortem row={row} now={now} />
                </td>
                <td>
                  <span>{t(state)}</span>{' '}
                  <button
                    type="button"
                    class={review ? 'secondary' : ''}
                    onClick={() => (review ? onOpen(incident.id) : void start(incident.id))}
                  >
                    {t(review ? 'reviews_open' : 'reviews_start')}{' '}
                    <span class="sr">{incident.title}</span>
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {data.more && (
        <p>
          <button
            type="button"
            class="secondary"
            onClick={() => {
              setLimit((l) => l + OVERVIEW_PAGE);
            }}
          >
            {t('reviews_more')}
          </button>
        </p>
      )}
    </>
  );
}
