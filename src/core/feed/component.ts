/** components.json / summary.json `components`, including groups. */
import type { ComponentStatus, FeedComponent } from '../types';
import { COMPONENT_STATUSES } from './levels';
import type { Ctx, Obj } from './read';
import {
  isObj,
  own,
  problem,
  readBool,
  readEnum,
  readList,
  readNum,
  readStr,
  typeName,
} from './read';

/** Parses one component; undefined (with a problem) when it has neither id nor name. */
function parseComponent(ctx: Ctx, o: Obj, path: string): FeedComponent | undefined {
  const name = readStr(ctx, o, 'name', path);
  let id = readStr(ctx, o, 'id', path);
  if (id === undefined || id === '') {
    if (name === undefined || name === '') {
      problem(ctx, path, 'component without id or name dropped');
      return undefined;
    }
    problem(ctx, `${path}.id`, 'component without id; its name is used');
    id = name;
  }
  const isGroup = readBool(o, 'group') === true;
  const children: string[] = [];
  const rawChildren = own(o, 'components');
  if (Array.isArray(rawChildren)) {
    const max = Math.min(rawChildren.length, ctx.limits.maxItems);
    for (let i = 0; i < max; i++) {
      const c: unknown = rawChildren[i];
      if (typeof c === 'string' || (typeof c === 'number' && Number.isFinite(c))) {
        const child = String(c);
        if (child.length <= ctx.limits.maxStringLength) children.push(child);
      }
    }
  }
  const c: FeedComponent = {
    id,
    name: name ?? id,
    status: readEnum<ComponentStatus>(ctx, o, 'status', path, COMPONENT_STATUSES) ?? 'unknown',
    groupId: readStr(ctx, o, 'group_id', path) || null,
    isGroup: isGroup || children.length > 0,
    children,
  };
  const description = readStr(ctx, o, 'description', path);
  if (description) c.description = description;
  const position = readNum(o, 'position');
  if (position !== undefined) c.position = position;
  const showcase = readBool(o, 'showcase');
  if (showcase !== undefined) c.showcase = showcase;
  const onlyIfDegraded = readBool(o, 'only_show_if_degraded');
  if (onlyIfDegraded !== undefined) c.onlyShowIfDegraded = onlyIfDegraded;
  return c;
}

/**
 * Parses the `components` list. Group membership is taken from both directions
 * (a group's `components` ids and each child's `group_id`) so either alone suffices.
 */
export function parseComponents(ctx: Ctx, root: Obj, path: string): FeedComponent[] {
  const list = readList(ctx, root, 'components', path);
  if (!list) return [];
  const out: FeedComponent[] = [];
  const byId = new Map<string, FeedComponent>();
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    const p = `${path}.components[${i}]`;
    if (!isObj(item)) {
      problem(ctx, p, `expected an object, got ${typeName(item)}`);
      continue;
    }
    const c = parseComponent(ctx, item, p);
    if (!c) continue;
    if (byId.has(c.id)) {
      problem(ctx, `${p}.id`, `duplicate component id ${JSON.stringify(c.id)} dropped`);
      continue;
    }
    byId.set(c.id, c);
    out.push(c);
  }
  for (const c of out) {
    if (c.groupId === null) continue;
    const group = byId.get(c.groupId);
    if (group && group !== c) {
      group.isGroup = true;
      if (!group.children.includes(c.id)) group.children.push(c.id);
    }
  }
  return out;
}
