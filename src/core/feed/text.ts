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

/**
 * The named entities provider bodies use (WordPress-style typography, accented letters), not
 * HTML's 2,000: Latin-1 (U+00A0–U+00FF, in code point order) and the common punctuation. Names
 * are case-sensitive (`&Eacute;` is not `&eacute;`); an unknown one stays as written.
 */
const LATIN1 =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';
const OTHERS: Record<string, number> = {
  amp: 38,
  lt: 60,
  gt: 62,
  quot: 34,
  apos: 39,
  OElig: 338,
  oelig: 339,
  Scaron: 352,
  scaron: 353,
  Yuml: 376,
  ensp: 8194,
  emsp: 8195,
  thinsp: 8201,
  zwnj: 8204,
  zwj: 8205,
  lrm: 8206,
  rlm: 8207,
  ndash: 8211,
  mdash: 8212,
  lsquo: 8216,
  rsquo: 8217,
  sbquo: 8218,
  ldquo: 8220,
  rdquo: 8221,
  bdquo: 8222,
  dagger: 8224,
  Dagger: 8225,
  bull: 8226,
  hellip: 8230,
  permil: 8240,
  prime: 8242,
  Prime: 8243,
  lsaquo: 8249,
  rsaquo: 8250,
  euro: 8364,
  trade: 8482,
  larr: 8592,
  uarr: 8593,
  rarr: 8594,
  darr: 8595,
  harr: 8596,
  minus: 8722,
};
/** Built on first use: nothing runs on import, so a bundle that never decodes drops it all. */
let NAMED: Map<string, string> | undefined;
const table = (): Map<string, string> =>
  (NAMED ??= new Map(
    [
      ...LATIN1.split(' ').map((name, i): [string, number] => [name, 0xa0 + i]),
      ...Object.entries(OTHERS),
    ].map(([name, cp]): [string, string] => [name, String.fromCharCode(cp)]),
  ));
/** `&AMP;` and the like: the five XML names (and nbsp) are also read in upper case. */
const entity = (name: string): string | undefined =>
  table().get(name) ??
  (/^(amp|lt|gt|quot|apos|nbsp)$/i.test(name) ? table().get(name.toLowerCase()) : undefined);

/**
 * One pass over the markup: a script/style element with its content (to its close tag, or
 * to the end if never closed), any other tag (`<` then `/`, `!` or a letter, up to the next
 * `>`; group 2 = closing, group 3 = name), or an entity (numeric, or named: those in NAMED are
 * decoded, any other is kept as written).
 */
const TOKEN =
  /<(script|style)(?![a-z\d])[^>]*>(?:[\s\S]*?<\/\1[^>]*>|[\s\S]*)|<(?:(\/)|(?=[a-z!]))([a-z][a-z\d]*)?[^>]*>|&(?:#(?:x([\da-f]{1,7})|(\d{1,8}))|([a-z][a-z\d]{1,7}));/gi;

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
        ? (entity(named) ?? m)
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
