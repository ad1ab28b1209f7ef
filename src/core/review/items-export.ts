/**
 * Open action items for an issue tracker: as CSV (for a spreadsheet or an import) and as a
 * Markdown checklist (for pasting into an issue). Only open items; dates are the due day in the
 * team's zone, `YYYY-MM-DD`, which every tracker reads.
 */
import { dayKey } from '../time';
import type { DashboardRow } from './actions';
import { toCsv } from './csv';

const open = (rows: readonly DashboardRow[]) => rows.filter((r) => r.item.status === 'open');

/** `overdue`, `to define` (a follow-up whose result is still to be defined) or `open`. */
function state(r: DashboardRow): string {
  return r.overdue ? 'overdue' : r.item.toDefine ? 'to define' : 'open';
}

/** Open items as CSV: action, owner, due, state, review (in the dashboard's order). */
export function openItemsCsv(rows: readonly DashboardRow[], timeZone: string): string {
  return toCsv([
    ['action', 'owner', 'due', 'state', 'review'],
    ...open(rows).map((r) => [
      r.item.description,
      r.item.owner,
      r.item.dueAt === undefined ? null : dayKey(r.item.dueAt, timeZone),
      state(r),
      r.reviewTitle,
    ]),
  ]);
}

/** Markdown stays inert: `<`, `>` and `&` escaped, line breaks folded into the one line. */
const md = (text: string): string =>
  text
    .replace(/[<>&]/g, (c) => `\\${c}`)
    .replace(/\s*\n\s*/g, ' ')
    .trim();

/** Open items as a Markdown task list, one line each. */
export function openItemsChecklist(rows: readonly DashboardRow[], timeZone: string): string {
  return open(rows)
    .map((r) => {
      const { item } = r;
      const due = item.dueAt === undefined ? 'no due date' : `due ${dayKey(item.dueAt, timeZone)}`;
      const late = r.overdue ? ', overdue' : '';
      const lead = item.toDefine ? 'To define: ' : '';
      const owner = item.owner.trim() || 'unassigned';
      return `- [ ] ${lead}${md(item.description)} (owner: ${md(owner)}, ${due}${late}; review: ${md(r.reviewTitle)})\n`;
    })
    .join('');
}
