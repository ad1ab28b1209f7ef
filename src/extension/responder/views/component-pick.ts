import type { ComponentChoice } from '../protocol';

/** The component ids in the draft field: separated by commas or white space. */
export function parseIds(raw: string): string[] {
  return raw.split(/[,\s]+/).filter(Boolean);
}

/**
 * The field after ticking (or unticking) one component. Ids typed by hand are kept, in their
 * order; a ticked id is added once, an unticked one removed wherever it appears.
 */
export function toggleId(raw: string, id: string, on: boolean): string {
  const ids = parseIds(raw);
  const next = on ? (ids.includes(id) ? ids : [...ids, id]) : ids.filter((x) => x !== id);
  return next.join(', ');
}

/** Choices by group, in the page's order: ungrouped ones under `group: null`. */
export function bySection(
  choices: readonly ComponentChoice[],
): { group: string | null; items: ComponentChoice[] }[] {
  const out: { group: string | null; items: ComponentChoice[] }[] = [];
  for (const c of choices) {
    const group = c.group ?? null;
    const section = out.find((s) => s.group === group);
    if (section) section.items.push(c);
    else out.push({ group, items: [c] });
  }
  return out;
}

/** Ids in the field that are not components of the page (typos, or another page's). */
export function unknownIds(raw: string, choices: readonly ComponentChoice[]): string[] {
  const known = new Set(choices.map((c) => c.id));
  return [...new Set(parseIds(raw))].filter((id) => !known.has(id));
}
