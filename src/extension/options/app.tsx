import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/translate';
import { ReviewsSection } from '../reviews/views/section';
import { DataSection } from '../backup/views/data-section';
import { NotificationsSection } from '../notifications/views/notifications';
import { SitesSection } from '../sites/views/sites';
import { SourcesSection } from '../feeds/views/sources';
import { TeamSection } from '../team/views/team-section';
import { useTeamLive } from '../ui/hooks/use-team';
import { ManagedNotice } from '../managed/views/managed-notice';
import { PolicySection } from '../policy/views/policy-editor';
import { TemplatesSection } from '../policy/views/templates-editor';

/** One section of the options page: a nav entry and its view. */
export interface OptionsSection {
  id: string;
  /** i18n key of the nav label and heading. */
  labelKey: string;
  view: ComponentType;
}

/**
 * The sections, in nav order. Later issues add theirs here — "responder", "policy" and "reviews"
 * (issue 6) each become one entry with its own folder under options/ — so nothing else changes.
 */
export const SECTIONS: readonly OptionsSection[] = [
  { id: 'sources', labelKey: 'options_sources', view: SourcesSection },
  { id: 'sites', labelKey: 'options_sites', view: SitesSection },
  { id: 'policy', labelKey: 'options_policy', view: PolicySection },
  { id: 'templates', labelKey: 'options_templates', view: TemplatesSection },
  { id: 'reviews', labelKey: 'options_reviews', view: ReviewsSection },
  { id: 'team', labelKey: 'options_team', view: TeamSection },
  { id: 'notifications', labelKey: 'options_notifications', view: NotificationsSection },
  { id: 'data', labelKey: 'options_data', view: DataSection },
];

const fromHash = () => {
  const id = location.hash.slice(1);
  return SECTIONS.some((s) => s.id === id) ? id : (SECTIONS[0]?.id ?? '');
};

/** The options page: a nav of sections (kept in the URL hash, so a section can be linked to). */
export function OptionsApp() {
  const [current, setCurrent] = useState(fromHash);
  useTeamLive();
  useEffect(() => {
    const onHash = () => setCurrent(fromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const section = SECTIONS.find((s) => s.id === current) ?? SECTIONS[0];
  const View = section?.view;
  return (
    <div class="options">
      <header>
        <h1>{t('options_title')}</h1>
        <nav aria-label={t('options_nav')}>
          <ul class="tabs">
            {SECTIONS.map((s) => (
              <li key={s.id}>
                <a href={`#${s.id}`} aria-current={s.id === current ? 'page' : undefined}>
                  {t(s.labelKey)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <ManagedNotice />
      <main id={`section-${current}`}>
        {section && <h2>{t(section.labelKey)}</h2>}
        {View && <View />}
      </main>
    </div>
  );
}
