import { useState } from 'preact/hooks';
import { t } from '../../i18n/translate';
import { ReviewBuilder } from './builder';
import { ActionItemDashboard } from './dashboard';
import { ReviewsList } from './list';
import { REVIEWS_CSS } from './styles';

/** Which reviews view is shown. */
export type ReviewsView =
  { kind: 'list' } | { kind: 'dashboard' } | { kind: 'builder'; incidentId: string };

/**
 * The view to start with: `?review=<incidentId>` in the page URL opens that incident's review
 * (so the side panel or a notification can link straight to it), `?reviews=dashboard` the dashboard.
 */
export function initialView(search: string): ReviewsView {
  const q = new URLSearchParams(search);
  const id = q.get('review');
  if (id) return { kind: 'builder', incidentId: id };
  return q.get('reviews') === 'dashboard' ? { kind: 'dashboard' } : { kind: 'list' };
}

/**
 * The options page's "Reviews" section: the list of resolved incidents and their reviews, the
 * review builder, and the action-item dashboard with the monthly completion rate.
 */
export function ReviewsSection() {
  const [view, setView] = useState<ReviewsView>(() => initialView(location.search));
  const open = (incidentId: string) => setView({ kind: 'builder', incidentId });
  const tab = (kind: 'list' | 'dashboard', key: string) => (
    <li>
      <button
        type="button"
        class={view.kind === kind ? '' : 'secondary'}
        aria-current={view.kind === kind ? 'page' : undefined}
        onClick={() => setView({ kind })}
      >
        {t(key)}
      </button>
    </li>
  );
  return (
    <div class="rv">
      <style>{REVIEWS_CSS}</style>
      <nav aria-label={t('reviews_nav')}>
        <ul class="subnav">
          {tab('list', 'reviews_tabList')}
          {tab('dashboard', 'reviews_tabDashboard')}
        </ul>
      </nav>
      {view.kind === 'list' && <ReviewsList onOpen={open} />}
      {view.kind === 'dashboard' && <ActionItemDashboard onOpen={open} />}
      {view.kind === 'builder' && (
        <ReviewBuilder incidentId={view.incidentId} onBack={() => setView({ kind: 'list' })} />
      )}
    </div>
  );
}
