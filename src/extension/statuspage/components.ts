import { isObj } from '../../core/validate';
import type { ComponentChoice } from '../responder/protocol';
import type { StatuspageComponent } from './types';

/**
 * The v1 components list, read defensively: items without a string `id` and `name` are dropped,
 * `group_id` and `group` are kept when well-typed, everything else is ignored. Not an array → null.
 */
export function readComponents(json: unknown): StatuspageComponent[] | null {
  if (!Array.isArray(json)) return null;
  const out: StatuspageComponent[] = [];
  for (const item of json as unknown[]) {
    if (!isObj(item)) continue;
    const o = item;
    if (typeof o.id !== 'string' || o.id === '' || typeof o.name !== 'string') continue;
    out.push({
      id: o.id,
      name: o.name,
      groupId: typeof o.group_id === 'string' && o.group_id !== '' ? o.group_id : null,
      group: o.group === true,
    });
  }
  return out;
}

/**
 * What a responder can pick, in the page's order: groups take no status of their own, so they are
 * not offered; their members carry the group's name instead.
 */
export function componentChoices(list: readonly StatuspageComponent[]): ComponentChoice[] {
  const groups = new Map(list.filter((c) => c.group).map((c) => [c.id, c.name]));
  return list
    .filter((c) => !c.group)
    .map((c) => {
      const group = c.groupId === null ? undefined : groups.get(c.groupId);
      return { id: c.id, name: c.name, ...(group ? { group } : {}) };
    });
}
