/**
 * Localised strings for every extension view. Views call `t()`; the entry points wire it to
 * `browser.i18n.getMessage` with `setMessageSource`, so unit tests can hand in a plain lookup
 * instead of the extension runtime.
 */
export type MessageSource = (key: string, substitutions?: string[]) => string;

let source: MessageSource = (key) => key;

/** Sets where `t()` looks strings up (the extension's `_locales` in production). */
export function setMessageSource(next: MessageSource): void {
  source = next;
}

/**
 * The localised string for `key`, with `$1`…`$9` placeholders filled from `subs`.
 * A missing key shows the key itself, so an untranslated string is visible rather than blank.
 */
export function t(key: string, ...subs: (string | number)[]): string {
  const text = source(key, subs.map(String));
  return text === '' ? key : text;
}

/** A MessageSource over a parsed `messages.json`, for tests and non-extension previews. */
export function messagesSource(
  messages: Record<string, { message: string; placeholders?: Record<string, { content: string }> }>,
): MessageSource {
  return (key, subs = []) => {
    const entry = messages[key];
    if (!entry) return '';
    let text = entry.message;
    for (const [name, p] of Object.entries(entry.placeholders ?? {})) {
      text = text.replaceAll(`$${name.toUpperCase()}$`, p.content).replaceAll(`$${name}$`, p.content);
    }
    return text.replace(/\$(\d)/g, (_m, d: string) => subs[Number(d) - 1] ?? '');
  };
}
