/**
 * Dismissal memory: keyed by incident id + latest update id, so news shows again. Kept in
 * localStorage; when storage throws (privacy mode, quota, sandboxed frame) it lasts the page's life.
 */
const KEY = 'incident-banner-dismissed';
const memory = new Set<string>();

function stored(): string[] {
  try {
    // null (nothing stored) and anything that is not a list throw here too
    return (JSON.parse(localStorage.getItem(KEY)!) as unknown[]).filter(
      (x): x is string => typeof x == 'string',
    );
  } catch {
    return [];
  }
}

export function isDismissed(key: string): boolean {
  return memory.has(key) || stored().includes(key);
}

export function dismiss(key: string): void {
  memory.add(key);
  try {
    // The newest 50 are plenty: older incidents are resolved long ago.
    localStorage.setItem(
      KEY,
      JSON.stringify([...stored().filter((k) => k !== key), key].slice(-50)),
    );
  } catch {
    // in memory only
  }
}

/** Forgets in-memory dismissals (tests only; tree-shaken from the bundles). */
export function resetDismissals(): void {
  memory.clear();
}
