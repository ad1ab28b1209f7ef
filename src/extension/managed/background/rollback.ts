import { DEFAULT_POLICY } from '../../../core/policy';
import type { Policy } from '../../../core/types';
import type { Deps } from '../../background/deps';

/**
 * What the organisation's configuration replaced, so that a value IT drops is rolled back instead
 * of staying enforced under the user's name (issue 20): the user's own policy and template texts
 * from before, and which of its sites were the user's own
 * already. Kept in storage.local: it belongs to this browser's management, never to a backup or
 * to the team.
 */
export interface Applied {
  /** The policy stored before the organisation's replaced it; null: the domain's default. */
  policy?: { own: Policy | null };
  /** Each template key the organisation set: the user's own text before it (null: none). */
  templates: Record<string, string | null>;
  /** Managed site patterns the user had turned on before the organisation listed them. */
  ownSites: string[];
}

export const APPLIED_KEY = 'managedApplied';

export async function readApplied(deps: Pick<Deps, 'platform'>): Promise<Applied> {
  const got = (await deps.platform.getLocal(APPLIED_KEY)) as Partial<Applied> | undefined;
  return { templates: {}, ownSites: [], ...got };
}

export async function writeApplied(deps: Pick<Deps, 'platform'>, a: Applied): Promise<void> {
  await deps.platform.setLocal({ [APPLIED_KEY]: a });
}

/**
 * The policy to go back to once the organisation's is dropped: the user's own (or the default),
 * saved as a new version after the current one, so incidents tell the policies apart.
 */
export function restoredPolicy(own: Policy | null, current: Policy): Policy {
  const base = own ?? structuredClone(DEFAULT_POLICY);
  return { ...base, version: Math.max(current.version, base.version) + 1 };
}

/**
 * The templates after the organisation stopped setting the keys not in `managedKeys`: each such key
 * gets the user's own text back, or none (the default wording). Mutates `applied.templates`.
 */
export function restoredTemplates(
  templates: Record<string, string>,
  applied: Applied,
  managedKeys: ReadonlySet<string>,
): Record<string, string> | null {
  const dropped = Object.keys(applied.templates).filter((k) => !managedKeys.has(k));
  if (dropped.length === 0) return null;
  const next = { ...templates };
  for (const k of dropped) {
    const own = applied.templates[k];
    if (own === null || own === undefined) delete next[k];
    else next[k] = own;
    delete applied.templates[k];
  }
  return next;
}
