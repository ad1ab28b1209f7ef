import { countdown } from '../i18n/countdown';
import { t } from '../i18n/translate';
import { useDbQuery } from '../ui/hooks/use-db';
import { useNow } from '../ui/hooks/use-now';
import { IncidentChip } from '../responder/views/common';
import { routeHash } from '../responder/views/route';
import { useState } from 'preact/hooks';
import { OnScrolledTo } from '../ui/components/on-scrolled-to';
import { OPEN_PAGE, readList, REVIEWS_PAGE, type ListItem } from './data';
import { obligationLabel } from '../i18n/obligation-label';

/** Open incidents with their next deadline, and resolved ones waiting for their post-mortem. */
export function ListView() {
  // Resolved incidents awaiting review are paged (latest resolution first): thousands may be stored.
  const [limit, setLimit] = useState(REVIEWS_PAGE);
  // Open incidents: the first screen's worth is read first, the rest as the list is scrolled.
  const [openLimit, setOpenLimit] = useState(OPEN_PAGE);
  const q = useDbQuery((db) => readList(db, Date.now(), limit, openLimit), [limit, openLimit]);
  const moreOpen = q.data ? q.data.openTotal - q.data.open.length : 0;
  const showMoreOpen = () => setOpenLimit((l) => l + OPEN_PAGE);
  const now = useNow(
    Boolean(q.data && [...q.data.open, ...q.data.reviews].some((i) => i.next?.dueAt)),
  );
  return (
    <>
      <h1 tabIndex={-1}>{t('rs_list_title')}</h1>
      <p>
        <a class="btn" href="#/declare">
          {t('rs_open_declare')}
        </a>
      </p>
      {q.error && <p class="error">{q.error}</p>}
      <section aria-labelledby="list-open">
        <h2 id="list-open">{t('rs_list_open')}</h2>
        {q.data === undefined ? (
          <p class="muted">{t('popup_loading')}</p>
        ) : q.data.open.length === 0 ? (
          <p class="muted">{t('rs_list_none')}</p>
        ) : (
          <ul class="incidents">
            {q.data.open.map((i) => (
              <Row key={i.incident.id} item={i} now={now} section="obligations" />
            ))}
          </ul>
        )}
        {moreOpen > 0 && (
          <p key={openLimit /* a new sentinel per page, observed afresh */}>
            {/* A button too: keyboard and screen-reader users do not depend on scrolling. */}
            <button type="button" class="secondary" onClick={showMoreOpen}>
              {t('rs_list_moreOpen', moreOpen)}
            </button>
            <OnScrolledTo onVisible={showMoreOpen} />
          </p>
        )}
      </section>
      <section aria-labelledby="list-reviews">
        <h2 id="list-reviews">{t('rs_list_reviews')}</h2>
        {q.data && q.data.reviews.length === 0 ? (
          <p class="muted">{t('rs_list_noReviews')}</p>
        ) : (
          <ul class="incidents">
            {q.data?.reviews.map((i) => (
              <Row key={i.incident.id} item={i} now={now} section="resolve" />
            ))}
          </ul>
        )}
        {q.data?.moreReviews && (
          <p>
            <button
              type="button"
              class="secondary"
              onClick={() => {
                setLimit((l) => l + REVIEWS_PAGE);
              }}
            >
              {t('rs_list_moreReviews')}
            </button>
          </p>
        )}
      </section>
    </>
  );
}

function Row({
  item,
  now,
  section,
}: {
  item: ListItem;
  now: number;
  section: 'obligations' | 'resolve';
}) {
  const { incident, next } = item;
  const c = next?.dueAt ? countdown(next.dueAt, now) : null;
  return (
    <li class="card">
      <h3>
        <IncidentChip severity={incident.severity} />{' '}
        <a href={routeHash({ view: 'incident', id: incident.id, section })}>{incident.title}</a>
      </h3>
      {next && c && (
        <p class="meta">
          {obligationLabel(next)}:{' '}
          <span class={`cd cd-${c.tone}`} data-tone={c.tone}>
            {c.text}
          </span>
        </p>
      )}
      {incident.severity === null && <p class="meta muted">{t('rs_list_classifyNext')}</p>}
      {incident.createdBy && (
        <p class="meta muted" data-testid="team-authors">
          {t('team_declaredBy', incident.createdBy.display || incident.createdBy.name)}
          {incident.lastBy &&
            ` · ${t('team_lastBy', incident.lastBy.display || incident.lastBy.name)}`}
        </p>
      )}
    </li>
  );
}
