/**
 * A review's action items each need their own id: a status change, a factor's link and the
 * dashboard's index of items (keyed by review and item id) all find an item by it. The editor
 * makes fresh ids and the save refuses two alike (reviews/validate.ts); these helpers deal with a
 * review that arrives with two alike anyway (an older version's data, a hand-edited file).
 */
import type { ActionItem } from './model';

type WithItems = { actionItems: readonly ActionItem[] };

/** The first item whose id an earlier item of the same review already has, or null. */
export function duplicateItemId(review: WithItems): { index: number; id: string } | null {
  const seen = new Set<string>();
  for (const [index, item] of review.actionItems.entries()) {
    if (seen.has(item.id)) return { index, id: item.id };
    seen.add(item.id);
  }
  return null;
}

/**
 * `review` with every repeated item id renamed: the second "a1" becomes "a1-2", the third "a1-3"
 * (the next free number when that is taken), in list order. Deterministic, so every machine of a
 * team that reads the same document derives the same ids, and a change one of them writes back
 * names the items as the others do. The first item keeps the id, so links to it (a factor's
 * `actionItemIds`) still name the item they named. A review without repeats is returned as is.
 */
export function withUniqueItemIds<R extends WithItems>(review: R): R {
  if (duplicateItemId(review) === null) return review;
  const taken = new Set(review.actionItems.map((a) => a.id));
  const seen = new Set<string>();
  const actionItems = review.actionItems.map((item) => {
    if (!seen.has(item.id)) {
      seen.add(item.id);
      return item;
    }
    let n = 2;
    while (taken.has(`${item.id}-${n}`)) n++;
    const id = `${item.id}-${n}`;
    taken.add(id);
    return { ...item, id };
  });
  return { ...review, actionItems };
}
