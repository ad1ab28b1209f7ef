import { countdown } from '../i18n/countdown';
import { t } from '../i18n/translate';
import { useDbQuery } from '../ui/hooks/use-db';
import { useNow } from '../ui/hooks/use-now';
import { IncidentChip } from '../responder/views/common';
import { routeHash } from '../responder/views/route';
import { useRef, useState } from 'preact/hooks';
import { VirtualList } from '../ui/components/virtual-list';
import { OPEN_PAGE, readAwaiting, readOpenWindow, REVIEWS_PAGE, type ListItem } from './data';
import { obligationLabel } from '../i18n/obligation-label';

/** Rows of the open list before they are measured (a title and one line of deadline). */
const ROW_ESTIMATE = 76;

/** Rows read either side of a focused row that is away from the rows on screen. */
const AROUND = 4;

/** The stretch of the open list to read for the rows in the DOM: whole pages of OPEN_PAGE. */
const pagesAround = (start: number, end: number) => ({
  from: Math.floor(start / OPEN_PAGE) * OPEN_PAGE,
  to: Math.max(OPEN_PAGE, Math.ceil(end / OPEN_PAGE) * OPEN_PAGE),
});

/** Open incidents with their next deadline, and resolved ones waiting for their post-mortem. */
export function ListView() {
  // Resolved incidents awaiting review are paged (latest resolution first): thousands may be stored.
  const [limit, setLimit] = useState(REVIEWS_PAGE);
  // Open incidents: a virtualised list; the stretch in the DOM is read as it is scrolled to.
  const [pages, setPages] = useState(pagesAround(0, OPEN_PAGE));
  const [focused, setFocused] = useState<number | null>(null);
  const open = useDbQuery(
    (db) => readOpenWindow(db, Date.now(), pages.from, pages.to - pages.from),
    [pages.from, pages.to],
  );
  // The focused row when it is outside that stretch (scrolled away from, or jumped to by End):
  // read with a few rows either side, so its row stays in the DOM with its content and keeps the
  // focus, and follows its incident when one is added or removed above it.
  const away = focused !== null && (focused < pages.from || focused >= pages.to);
  const alone = useDbQuery(
    (db) =>
      away
        ? readOpenWindow(db, Date.now(), Math.max(0, focused - AROUND), 2 * AROUND + 1)
        : Promise.resolve(undefined),
    [away, focused],
  );
  const reviews = useDbQuery((db) => readAwaiting(db, Date.now(), limit), [limit]);
  // The rows loaded, by position; the focused one is kept from the render before until it is
  // read again (no placeholder flashes in its place).
  const previous = useRef(new Map<number, ListItem>());
  const rows = new Map<number, ListItem>();
  for (const w of [away ? alone.data : undefined, open.data])
    w?.items.forEach((item, k) => rows.set(w.start + k, item));
  const kept = focused === null ? undefined : previous.current.get(focused);
  if (focused !== null && kept && !rows.has(focused)) rows.set(focused, kept);
  previous.current = rows;
  const total = open.data?.total;
  const now = useNow(
    [...rows.values(), ...(reviews.data?.reviews ?? [])].some((i) => Boolean(i.next?.dueAt)),
  );
  const error = open.error ?? reviews.error;
  return (
    <>
      <h1 tabIndex={-1}>{t('rs_list_title')}</h1>
      <p>
        <a class="btn" href="#/declare">
          {t('rs_open_declare')}
        </a>
      </p>
      {error && <p class="error">{error}</p>}
      <section aria-labelledby="list-open">
        <h2 id="list-open">{t('rs_list_open')}</h2>
        {total === undefined ? (
          <p class="muted">{t('popup_loading')}</p>
        ) : total === 0 ? (
          <p class="muted">{t('rs_list_none')}</p>
        ) : (
          <VirtualList
            class="incidents"
            labelledBy="list-open"
            total={total}
            estimate={ROW_ESTIMATE}
            keyAt={(i) => rows.get(i)?.incident.id}
            row={(i) => {
              const item = rows.get(i);
              return item ? (
                <Row item={item} now={now} section="obligations" />
              ) : (
                <p class="muted">{t('popup_loading')}</p>
              );
            }}
            onRange={(start, end) =>
              setPages((p) => {
                const n = pagesAround(start, end);
                return n.from === p.from && n.to === p.to ? p : n;
              })
            }
            onFocusRow={setFocused}
          />
        )}
      </section>
      <section aria-labelledby="list-reviews">
        <h2 id="list-reviews">{t('rs_list_reviews')}</h2>
        {reviews.data && reviews.data.reviews.length === 0 ? (
          <p class="muted">{t('rs_list_noReviews')}</p>
        ) : (
          <ul class="incidents">
            {reviews.data?.reviews.map((i) => (
              <li class="card" key={i.incident.id}>
                <Row item={i} now={now} section="resolve" />
              </li>
            ))}
          </ul>
        )}
        {reviews.data?.moreReviews && (
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
    <>
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
    </>
  );
}
