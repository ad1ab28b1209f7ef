/**
 * The update cadence as a review reads it: "N of M updates on time, longest gap 47 min".
 *
 * Decisions (tested in compliance.test.ts):
 * - Each severity run where the level has the recurring duty is judged on its own, with that
 *   level's numbers: a reclassification restarts the cadence, as the live countdown does.
 * - The incident's very first post is the status-page duty's business ("first posted at 16 min
 *   (due 15)"); the cadence counts the updates after it, the first due one cadence after it.
 *   A run that does not hold that first post starts at its classification, the first update due
 *   `dueMinutes` after it.
 * - Each post answers the deadline in force: on time when at or before it, else late. A silence
 *   longer than a whole cadence past a deadline is a missed update, and the next is due one cadence
 *   later. A post that promised its next update sooner is held to that promise.
 * - At the run's end (reclassification, resolution, or now while open) a deadline that passed
 *   unanswered is missed; one not yet reached is not counted.
 * - Gaps are measured between posts within a run, and from the last post to the run's end.
 */
import type { ObligationRule, TimelineEvent } from '../types';
import { meetingTimes, type SeverityRun } from './runs';

const MINUTE = 60_000;

export interface CadenceSlot {
  dueAt: number;
  metAt?: number;
  outcome: 'met' | 'late' | 'missed';
}

export interface CadenceCompliance {
  ruleId: string;
  label: string;
  /** The cadences (minutes) that applied, run by run, without repeats in a row. */
  everyMinutes: number[];
  slots: CadenceSlot[];
  owed: number;
  onTime: number;
  late: number;
  missed: number;
  /** The longest stretch without a post while the cadence ran; null when it never ran. */
  longestGapMs: number | null;
  /**
   * When the last run has this cadence: the deadline it was waiting for at its end, and the
   * cadence. While the incident stays open without a post, each such deadline passing is one more
   * missed update (issue 22: a stored tally of an open incident is judged later without its timeline).
   */
  next?: { dueAt: number; everyMs: number };
}

/** Is this rule a recurring duty counted from classification? */
export function isCadence(rule: ObligationRule): rule is ObligationRule & {
  repeatEveryMinutes: number;
} {
  return rule.repeatEveryMinutes !== undefined && rule.anchor === 'classified' && !rule.standing;
}

/** The compliance of one recurring duty over the runs where its level has it. */
export function cadenceCompliance(
  ruleId: string,
  runs: readonly SeverityRun[],
  events: readonly TimelineEvent[],
): CadenceCompliance | null {
  const slots: CadenceSlot[] = [];
  const every: number[] = [];
  let longest: number | null = null;
  let label = '';
  let firstPost: number | undefined;
  let next: CadenceCompliance['next'];
  for (const run of runs) {
    const rule = run.level.obligations.find((o) => o.id === ruleId);
    if (!rule || !isCadence(rule)) continue;
    label = rule.label;
    if (every[every.length - 1] !== rule.repeatEveryMinutes) every.push(rule.repeatEveryMinutes);
    const step = rule.repeatEveryMinutes * MINUTE;
    const all = meetingTimes(rule, events);
    firstPost ??= all[0]?.at;
    const posts = all.filter(
      (p) => p.at >= run.from && (run.last ? p.at <= run.end : p.at < run.end),
    );
    const after = (p: { at: number; promise?: number }): number =>
      p.promise !== undefined && Number.isFinite(p.promise) && p.promise > p.at
        ? Math.min(p.at + step, p.promise)
        : p.at + step;
    let deadline = run.from + rule.dueMinutes * MINUTE;
    let prev = run.from;
    let rest = posts;
    if (posts[0] !== undefined && posts[0].at === firstPost) {
      prev = posts[0].at;
      deadline = after(posts[0]);
      rest = posts.slice(1);
    }
    const gap = (to: number) => {
      longest = Math.max(longest ?? 0, to - prev);
    };
    for (const p of rest) {
      while (p.at > deadline + step) {
        slots.push({ dueAt: deadline, outcome: 'missed' });
        deadline += step;
      }
      slots.push({ dueAt: deadline, metAt: p.at, outcome: p.at <= deadline ? 'met' : 'late' });
      gap(p.at);
      prev = p.at;
      deadline = after(p);
    }
    while (deadline < run.end) {
      slots.push({ dueAt: deadline, outcome: 'missed' });
      deadline += step;
    }
    gap(run.end);
    if (run.last) next = { dueAt: deadline, everyMs: step };
  }
  if (every.length === 0) return null;
  const count = (o: CadenceSlot['outcome']) => slots.filter((s) => s.outcome === o).length;
  return {
    ruleId,
    label,
    everyMinutes: every,
    slots,
    owed: slots.length,
    onTime: count('met'),
    late: count('late'),
    missed: count('missed'),
    longestGapMs: longest,
    ...(next ? { next } : {}),
  };
}
