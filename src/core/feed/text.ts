/**
 * Update bodies to plain text in one linear pass: tags stripped (line-breaking tags become
 * "\n"), entities decoded, line endings normalised. Decoded text is never re-scanned, so
 * "&lt;script&gt;" ends up as the literal text "<script>" — the views render it as text.
 */

/** Block tags: their opening or closing form starts a new line (`<br>` and `</p>` always do). */
const BREAKS = new Set(['br', 'p', 'div', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr']);
/** Tags whose content is code, not prose: dropped with the tag. */
const DROP_CONTENT = new Set(['script', 'style']);

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** Decodes the entity starting at `s[i] === '&'`; returns [text, next index] or null. */
function entity(s: string, i: number): [string, number] | null {
  const semi = s.indexOf(';', i + 1);
  if (semi < 0 || semi - i > 10) return null;
  const name = s.slice(i + 1, semi);
  if (name.charCodeAt(0) === 35 /* # */) {
    const hex = name.charCodeAt(1) === 120 || name.charCodeAt(1) === 88;
    const digits = name.slice(hex ? 2 : 1);
    if (digits === '' || !(hex ? /^[0-9a-f]+$/i : /^[0-9]+$/).test(digits)) return null;
    const cp = parseInt(digits, hex ? 16 : 10);
    const ok = cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff);
    return [ok ? String.fromCodePoint(cp) : '\ufffd', semi + 1];
  }
  const hasName = Object.prototype.hasOwnProperty.call(NAMED, name.toLowerCase());
  return hasName ? [NAMED[name.toLowerCase()] ?? '', semi + 1] : null;
}

/** Reads the tag name after `<` or `</` (letters and digits). */
function tagName(s: string, from: number): string {
  let j = from;
  while (j < s.length && j - from < 12) {
    const c = s.charCodeAt(j) | 32;
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57 && j > from))) break;
    j++;
  }
  return s.slice(from, j).toLowerCase();
}

/**
 * Converts an HTML-ish body to plain text: strips tags, turns `<br>`, `</p>` (and other
 * block ends) into newlines, decodes the common entities, normalises `\r\n` / `\r` to `\n`,
 * collapses 3+ newlines into 2 and trims. Linear in the input length.
 */
export function htmlToText(s: string): string {
  let out = '';
  let i = 0;
  let noMoreClose = false; // once no '>' remains, every later '<' is literal text
  let lower: string | undefined;
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 60 /* < */ && !noMoreClose) {
      const next = s.charCodeAt(i + 1);
      const closing = next === 47; /* / */
      const isTagStart =
        closing || next === 33 /* ! */ || ((next | 32) >= 97 && (next | 32) <= 122);
      if (isTagStart) {
        const end = s.indexOf('>', i + 1);
        if (end < 0) {
          noMoreClose = true;
          out += '<';
          i++;
          continue;
        }
        const name = tagName(s, i + (closing ? 2 : 1));
        if (name === 'br') out += '\n';
        else if (name === 'p' && closing) out += '\n\n';
        else if (BREAKS.has(name) && out.charCodeAt(out.length - 1) !== 10) out += '\n';
        if (!closing && DROP_CONTENT.has(name)) {
          lower ??= s.toLowerCase();
          const close = lower.indexOf('</' + name, end);
          const closeEnd = close < 0 ? -1 : s.indexOf('>', close);
          i = closeEnd < 0 ? n : closeEnd + 1;
          continue;
        }
        i = end + 1;
        continue;
      }
    } else if (c === 38 /* & */) {
      const e = entity(s, i);
      if (e) {
        out += e[0];
        i = e[1];
        continue;
      }
    } else if (c === 13 /* \r */) {
      out += '\n';
      i += s.charCodeAt(i + 1) === 10 ? 2 : 1;
      continue;
    }
    // Copy a run of ordinary characters at once (much faster than char by char).
    let j = i + 1;
    while (j < n) {
      const d = s.charCodeAt(j);
      if (d === 60 || d === 38 || d === 13) break;
      j++;
    }
    out += s.slice(i, j);
    i = j;
  }
  return tidy(out);
}

/** Trims trailing spaces before newlines, collapses 3+ newlines to 2, trims the ends. */
function tidy(s: string): string {
  if (s.indexOf('\n') < 0) return s.trim();
  const lines = s.split('\n');
  const kept: string[] = [];
  let blanks = 0;
  for (const line of lines) {
    const t = line.trimEnd();
    if (t === '') {
      blanks++;
      continue;
    }
    if (kept.length > 0) kept.push(blanks > 0 ? '\n\n' : '\n');
    kept.push(t);
    blanks = 0;
  }
  return kept.join('').trim();
}
