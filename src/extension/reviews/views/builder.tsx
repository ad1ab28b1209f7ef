import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  communicationCompliance,
  complianceSummary,
  incidentFacts,
  publishBlockers,
  reviewRequirement,
  supportImpact,
  lintReview,
  type ActionItemStatus,
  type Review,
} from '../../../core/review';
import type { ReviewRecord } from '../../db/schema';
import { send } from '../../messaging/channel';
import { t } from '../../i18n/translate';
import { useDbQuery } from '../../ui/hooks/use-db';
import { ActionItemsEditor } from './actions-editor';
import { ReviewChecks } from './checks';
import type { Patch } from './draft';
import { ExportBar } from './export-bar';
import { ImpactEditor } from './impact-editor';
import { MitigationsEditor } from './mitigations-editor';
import { LearningEditor } from './learning-editor';
import { OverviewEditor, PublishBar } from './overview';
import { PARTICIPANTS_LIST } from './parts';
import { readBuilder } from '../repo';
import { REVIEWS_CSS } from './styles';
import { TimelineEditor } from './timeline-editor';
import { lintsByPath } from './view-model';
import { WhysEditor } from './whys-editor';
import { CompliancePanel } from './compliance-panel';
import { FactorsEditor, RootCauseFormChoice } from './factors-editor';
import { SkipReview, RequirementNote } from './review-rules';
import { errorMessage } from '../../ui/error';

/** Props of the review builder. */
export interface ReviewBuilderProps {
  /** The resolved incident whose review this is. */
  incidentId: string;
  /** Shows a "back to the list" button when given. */
  onBack?: () => void;
  /** The builder's heading level: 3 under the options page's section heading, 2 in the side panel. */
  headingLevel?: 2 | 3;
}

/**
 * The review builder of one resolved incident: timeline, impact, five whys, mitigations, action
 * items, checks, export and publication. Edits stay in a local draft until saved; every write goes
 * through a command, and the view re-reads the database when the background signals a change.
 */
export function ReviewBuilder(props: ReviewBuilderProps) {
  return <Builder key={props.incidentId} {...props} />;
}

function Builder({ incidentId, onBack, headingLevel = 3 }: ReviewBuilderProps) {
  const { data, error, refresh } = useDbQuery(readBuilder(incidentId), [incidentId]);
  const [draft, setDraft] = useState<Review | null>(null);
  const [dirty, setDirty] = useState(false);
  const [status, setStatus] = useState<{ text: string; error: boolean }>({
    text: '',
    error: false,
  });
  const [busy, setBusy] = useState(false);
  const stored = data?.review;
  useEffect(() => {
    if (!dirty) setDraft(stored ?? null);
    // A save or a change elsewhere re-reads the record; unsaved edits are never overwritten.
  }, [stored]);

  const H = headingLevel === 2 ? 'h2' : 'h3';
  const now = Date.now();
  const lints = useMemo(() => (draft ? lintReview(draft, now) : []), [draft]);
  const byPath = useMemo(() => lintsByPath(lints), [lints]);

  const run = async (work: () => Promise<ReviewRecord | null>, done: string) => {
    setBusy(true);
    try {
      const saved = await work();
      if (saved) {
        setDraft(saved);
        setDirty(false);
      }
      setStatus({ text: done, error: false });
      refresh();
    } catch (e) {
      setStatus({ text: errorMessage(e), error: true });
    } finally {
      setBusy(false);
    }
  };
  const saveIfDirty = async (): Promise<ReviewRecord | null> =>
    dirty && draft ? send('reviews/save', { review: draft }) : null;
  const save = () =>
    run(() => send('reviews/save', { review: draft as Review }), t('review_saved'));
  const publish = () =>
    run(async () => {
      const saved = await saveIfDirty();
      return send('reviews/publish', { id: (saved ?? draft)?.id ?? '' });
    }, t('review_publishedNow'));
  const setItemStatus = (itemId: string, s: ActionItemStatus) =>
    run(async () => {
      const saved = await saveIfDirty();
      return send('reviews/setItemStatus', { id: (saved ?? draft)?.id ?? '', itemId, status: s });
    }, t('review_statusSaved'));
  const start = () => run(() => send('reviews/create', { incidentId }), t('review_started'));
  const skip = (reason: string) =>
    run(async () => {
      await send('reviews/skip', { incidentId, reason });
      return null;
    }, t('rvr_skippedDone'));
  const change = (patch: Patch) => {
    setDraft((d) => (d ? patch(d) : d));
    setDirty(true);
  };

  const incident = data?.incident;
  // Communication is judged on the incident's own timeline plus its linked feed's public posts.
  const report =
    data && incident
      ? communicationCompliance(
          {
            events: data.withLinked,
            publiclyVisible: incident.publiclyVisible,
            ...(incident.commonlyUsed === undefined ? {} : { commonlyUsed: incident.commonlyUsed }),
          },
          data.policy,
          now,
        )
      : null;
  const support =
    data?.support && incident
      ? supportImpact(data.support, report?.declaredAt ?? incident.declaredAt)
      : null;
  const requirement = reviewRequirement(report?.highestSeverity ?? null);
  let body;
  if (error) body = <p class="error">{error}</p>;
  else if (!data) body = <p class="muted">{t('popup_loading')}</p>;
  else if (!incident) body = <p class="error">{t('review_noIncident')}</p>;
  else if (incident.status !== 'resolved') body = <p>{t('review_notResolved')}</p>;
  else if (!draft) {
    body = (
      <>
        <p>
          <button type="button" disabled={busy} onClick={() => void start()}>
            {t('reviews_start')}
          </button>
        </p>
        {requirement === 'optional' && (
          <SkipReview skipped={incident.reviewSkipped} busy={busy} onSkip={(r) => void skip(r)} />
        )}
      </>
    );
  } else {
    const duration = incidentFacts(data.events, draft.startedAt).durationMinutes;
    const exported = { ...draft, impact: { ...draft.impact, durationMinutes: duration } };
    const parts = { review: draft, change, lints: byPath };
    body = (
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <datalist id={PARTICIPANTS_LIST}>
          {draft.participants.map((p) => (
            <option key={p} value={p} />
          ))}
        </datalist>
        <OverviewEditor {...parts} />
        <TimelineEditor {...parts} fallbackAt={incident.resolvedAt ?? now} />
        <ImpactEditor {...parts} durationMinutes={duration} />
        {report && (
          <CompliancePanel
            report={report}
            support={support}
            heading={headingLevel === 2 ? 'h3' : 'h4'}
          />
        )}
        <RootCauseFormChoice review={draft} change={change} />
        {(draft.rootCauseForm ?? 'whys') === 'factors' ? (
          <FactorsEditor {...parts} />
        ) : (
          <WhysEditor {...parts} />
        )}
        <MitigationsEditor {...parts} />
        <LearningEditor {...parts} />
        <ActionItemsEditor {...parts} now={now} onStatus={(id, s) => void setItemStatus(id, s)} />
        <ReviewChecks lints={lints} heading={headingLevel === 2 ? 'h3' : 'h4'} />
        <PublishBar
          review={draft}
          dirty={dirty}
          busy={busy}
          blockers={publishBlockers(draft, now)}
          onPublish={() => void publish()}
        />
        <ExportBar
          review={exported}
          communication={
            report
              ? { summary: complianceSummary(report), ...(support ? { support } : {}) }
              : undefined
          }
        />
      </form>
    );
  }
  return (
    <div class="rv rv-builder">
      <style>{REVIEWS_CSS}</style>
      {onBack && (
        <button type="button" class="secondary" onClick={onBack}>
          {t('review_back')}
        </button>
      )}
      <H>{incident ? t('review_heading', incident.title) : t('review_headingPlain')}</H>
      {incident?.status === 'resolved' && <RequirementNote requirement={requirement} />}
      {body}
      <p role="status" class={`status ${status.error ? 'error' : ''}`}>
        {status.text}
      </p>
    </div>
  );
}
