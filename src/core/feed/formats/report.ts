/**
 * A feed as a product team would read it, as plain text lines: which format, the overall state,
 * what is happening now and soon, and every problem. The feed validator prints this. Pure: the
 * time is passed in.
 */
import type { FeedIncident } from '../../types';
import { activeIncidents, effectiveIndicator, latestUpdate, relevantMaintenances } from '../query';
import { severityLabel } from '../levels';
import { FORMAT_INFO, describeAdapterProblem } from './describe';
import type { FormatResult } from './types';

/** "2026-12-05 09:41 UTC". */
const when = (ms: number | undefined): string =>
  ms === undefined || !Number.isFinite(ms)
    ? 'unknown time'
    : `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** One line of text, shortened, for bodies in a summary. */
const line = (s: string, max = 160): string => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
};

function item(i: FeedIncident): string[] {
  const sev = i.severity ? `${severityLabel(i.severity)} ${i.impact}` : `severity unknown`;
  const out = [
    `  - ${i.name || '(no name)'}`,
    `    ${i.kind == 'maintenance' ? 'maintenance' : sev} · status ${i.status} · since ${when(i.createdAt)} · updated ${when(i.updatedAt)}`,
  ];
  if (i.scheduledFor !== undefined || i.scheduledUntil !== undefined) {
    out.push(`    window ${when(i.scheduledFor)} → ${when(i.scheduledUntil)}`);
  }
  if (i.components.length)
    out.push(`    components: ${i.components.map((c) => c.name).join(', ')}`);
  const u = latestUpdate(i);
  if (u)
    out.push(`    latest update (${u.status}, ${when(u.displayAt)}): ${line(u.body) || '(empty)'}`);
  if (i.shortlink) out.push(`    ${i.shortlink}`);
  return out;
}

/** The report, line by line. `source` says where the feed came from (URL or file). */
export function feedReport(
  r: FormatResult,
  now: number,
  source: string,
  detected = true,
): string[] {
  const f = r.feed;
  const info = r.format == 'unknown' ? undefined : FORMAT_INFO[r.format];
  const active = activeIncidents(f);
  const maint = relevantMaintenances(f, now, 24);
  const resolved = f.incidents.filter((i) => !active.includes(i));
  const out = [
    `Feed: ${source}`,
    `Format: ${info ? `${info.label} (${detected ? 'detected' : 'as chosen'})` : 'not a known status feed'}`,
  ];
  if (f.page.name || f.page.url)
    out.push(`Page: ${[f.page.name, f.page.url].filter(Boolean).join(' — ')}`);
  const overall = effectiveIndicator(f);
  const derived = f.indicator == 'unknown' && overall != 'unknown';
  out.push(`Overall: ${overall}${derived ? ' (derived: the feed gives no overall status)' : ''}`);
  out.push('', `Active incidents (${active.length})`);
  out.push(...(active.length ? active.flatMap(item) : ['  none']));
  out.push('', `Maintenances in progress or within 24 hours (${maint.length})`);
  out.push(...(maint.length ? maint.flatMap(item) : ['  none']));
  if (resolved.length) {
    out.push('', `Resolved incidents in the feed (${resolved.length})`);
    out.push(
      ...resolved.slice(0, 5).map((i) => `  - ${i.name} (${when(i.resolvedAt ?? i.updatedAt)})`),
    );
    if (resolved.length > 5) out.push(`  … and ${resolved.length - 5} more`);
  }
  if (f.components.length) {
    const down = f.components.filter((c) => !c.isGroup && c.status != 'operational');
    out.push(
      '',
      `Components: ${f.components.filter((c) => !c.isGroup).length}, not operational: ${down.length}`,
    );
    out.push(...down.slice(0, 10).map((c) => `  - ${c.name}: ${c.status}`));
  }
  if (info) out.push('', `Cannot map from this format: ${info.cannot}`);
  out.push('', `Problems (${r.problems.length})`);
  out.push(
    ...(r.problems.length
      ? r.problems.map((p) => {
          const d = describeAdapterProblem(p);
          return `  - ${d.path || '(feed)'}: ${d.message}`;
        })
      : ['  none']),
  );
  return out;
}
