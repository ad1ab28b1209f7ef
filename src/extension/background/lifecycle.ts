import browser from 'webextension-polyfill';
import { setSetting } from '../db/settings';
import { ensureSummaries } from '../db/summaries';
import { repairReviewItemIds } from '../db/review-repair';
import type { Deps } from './deps';
import { pollDue } from '../feeds/background/poll';
import { refresh } from './refresh';
import { sendActionItemReminders } from '../notifications/background/reminders';
import { syncSites } from '../sites/background/registration';
import { isLive, syncOnce } from '../team/background/sync';
import { syncManaged } from '../managed/background/sync';

/** The one polling alarm. */
export const POLL_ALARM = 'poll';
/** Its period: the 30 s minimum Chrome allows packed extensions. */
export const POLL_PERIOD_MINUTES = 0.5;

/** One wake of the alarm: poll what is due, then recompute everything from storage. */
export async function tick(deps: Deps): Promise<void> {
  // (each source's failure is recorded on it; this catches only a database that will not open,
  // and still lets the refresh try: deadlines and the badge matter more than one poll)
  await pollDue(deps).catch((e: unknown) => console.error('[incident-lens] polling failed:', e));
  await refresh(deps);
  await sendActionItemReminders(deps);
  // Team mode: a one-shot sync per alarm (live sync covers the time a page is open).
  if (!isLive()) await syncOnce(deps);
}

/**
 * Every boot of the worker/event page: make sure the alarm exists (created only when missing, so a
 * restart does not push the next wake back) and record a boot id (tests tell boots apart by it).
 */
export async function boot(deps: Deps): Promise<void> {
  if (!(await browser.alarms.get(POLL_ALARM))) {
    await browser.alarms.create(POLL_ALARM, {
      periodInMinutes: POLL_PERIOD_MINUTES,
      delayInMinutes: POLL_PERIOD_MINUTES,
    });
  }
  await setSetting(await deps.db(), 'bootId', deps.newId());
  // The list's stored next deadlines: filled after the v7 upgrade (or an interrupted fill).
  await ensureSummaries(await deps.db()).catch((e: unknown) =>
    console.error('[incident-lens] incident summaries:', e),
  );
  // Reviews stored with repeated action-item ids (before saves renamed them): once per version.
  await repairReviewItemIds(await deps.db()).catch((e: unknown) =>
    console.error('[incident-lens] repairing reviews:', e),
  );
  // The organisation's configuration, applied before anything reads sources, sites or the policy.
  await managedChanged(deps);
}

/** Applies `storage.managed` again (boot, and Chrome's storage.onChanged for the managed area). */
export async function managedChanged(deps: Deps): Promise<void> {
  const read = await syncManaged(deps);
  if (read.problems.length > 0)
    console.warn('[incident-lens] managed configuration: values ignored', read.problems);
  // Something managed was applied, or a dropped policy rolled back: the views show it now.
  if (read.changed) await refresh(deps);
}

/** Asks for persistent storage. Only window contexts have `persist()` (Firefox event page, not a Chrome worker). */
async function persistStorage(): Promise<void> {
  const storage = (globalThis.navigator as Navigator | undefined)?.storage;
  if (typeof storage?.persist === 'function') await storage.persist();
}

/** Install or update: persistent storage, registrations, a first poll. */
export async function installed(deps: Deps): Promise<void> {
  await persistStorage().catch(() => undefined);
  await syncSites(deps);
  await tick(deps);
}

/** Browser start: content-script registrations do not survive a restart, so make them again. */
export async function started(deps: Deps): Promise<void> {
  await syncSites(deps);
  await tick(deps);
}
