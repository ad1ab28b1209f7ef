/**
 * Update bodies to plain text in one linear pass: tags stripped (line-breaking tags become
 * "\n"), entities decoded, line endings normalised. Decoded text is never re-scanned, so
 * "&lt;script&gt;" ends up as the literal text "<script>" — the views render it as text.
 */

/** Block tags: their opening or closing form starts a new line (`<br>` and `</p>` always do). */
const BLOCK = /^(p|div|li|tr|h[1-6]|hr)$/;

const LAST_CODE_POINT = 0x10ffff;
const FIRST_SURROGATE = 0xd800;
const LAST_SURROGATE = 0xdfff;
const REPLACEMENT_CHARACTER = '\ufffd';

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/**
 * One pass over the markup: a script/style element with its content (to its close tag, or
 * to the end if never closed), any other tag (`<` then `/`, `!` or a letter, up to the next
 * `>`; group 2 = closing, group 3 = name), or an entity (numeric, or the few named ones
 * Statuspage emits).
 */
const TOKEN =
  /<(script|style)(?![a-z\d])[^>]*>(?:[\s\S]*?<\/\1[^>]*>|[\s\S]*)|<(?:(\/)|(?=[a-z!]))([a-z][a-z\d]*)?[^>]*>|&(?:#(?:x([\da-f]{1,7})|(\d{1,8}))|(amp|lt|gt|quot|apos|nbsp));/gi;

/**
 * The bidi embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069). A feed's text
 * never needs them (the views set `dir="auto"` where direction matters), and an unclosed one
 * reverses or reorders what follows it wherever the text is shown: the rest of a notification
 * title, a list row. The plain marks (U+200E, U+200F) only nudge neutral characters and are kept.
 */
export const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** Drops bidi controls, trims line ends, collapses 3+ newlines into 2 and trims the whole. */
const tidy = (s: string): string =>
  s
    .replace(BIDI_CONTROLS, '')
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

/**
 * Converts an HTML-ish body to plain text: strips tags, turns `<br>`, `</p>` (and other
 * block ends) into newlines, drops `<script>`/`<style>` contents, decodes the common
 * entities, normalises `\r\n` / `\r` to `\n`, collapses 3+ newlines into 2 and trims.
 * Linear in the input length: a `<` with no `>` after it cannot start a tag, so those are
 * escaped up front (and decoded back to "<") instead of being re-scanned.
 */
export function htmlToText(input: string): string {
  let s = input.replace(/\r\n?/g, '\n');
  const gt = s.lastIndexOf('>') + 1;
  s = s.slice(0, gt) + s.slice(gt).replace(/</g, '&lt;');
  let end = 0;
  let newline = false; // does the output so far end with "\n"?
  const out = s.replace(
    TOKEN,
    (
      m: string,
      script?: string,
      closing?: string,
      tag = '',
      hex?: string,
      dec?: string,
      named?: string,
      at = 0,
    ) => {
      if (at > end) newline = s[at - 1] === '\n';
      end = at + m.length;
      const name = tag.toLowerCase();
      const cp = parseInt(hex ?? dec ?? '', hex ? 16 : 10);
      const text = named
        ? (NAMED[named.toLowerCase()] ?? '')
        : !Number.isNaN(cp) // a numeric entity: not NUL, not past U+10FFFF, not a surrogate
          ? cp > 0 && cp <= LAST_CODE_POINT && !(cp >= FIRST_SURROGATE && cp <= LAST_SURROGATE)
            ? String.fromCodePoint(cp)
            : REPLACEMENT_CHARACTER
          : script
            ? ''
            : name === 'br'
              ? '\n'
              : name === 'p' && closing
                ? '\n\n'
                : BLOCK.test(name) && !newline
                  ? '\n'
                  : '';
      if (text) newline = text.endsWith('\n');
      return text;
    },
  );
  return tidy(out);
}
