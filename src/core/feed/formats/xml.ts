/**
 * A small, bounded XML reader for Atom and RSS feeds (the core has no DOM). One linear pass over
 * the text; no entity is ever expanded but the five XML ones and numeric references, so DOCTYPE
 * tricks (external entities, "billion laughs") have nothing to work with: the DOCTYPE is skipped.
 * Lenient where feeds in the wild are sloppy (a stray close tag is skipped), and honest about
 * what it could not read: every oddity is a problem, and an element the text ends inside is
 * marked unclosed, so that a truncated feed only loses its last, partial entry.
 */

export interface XmlNode {
  /** Qualified name, lower-cased: `entry`, `content:encoded`, `atom:link`. */
  name: string;
  /** The name without its prefix: `encoded`, `link`. */
  local: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** The element's own text (character data and CDATA, entities decoded), not its children's. */
  text: string;
  /** False when the text ended before the element's close tag. */
  closed: boolean;
  /**
   * Where the element's content is in the source text, `[from, to)`, for content that is markup
   * (Atom `type="xhtml"`); `to` is set when the element closes.
   */
  from: number;
  to: number;
}

export interface XmlLimits {
  /** The most elements read (default 50,000); the rest is skipped with a problem. */
  maxNodes?: number;
  /** The deepest nesting read (default 64). */
  maxDepth?: number;
}

/** Where the reader stopped or what it skipped, in words (for an `xml` problem). */
export type XmlIssue = string;

const ENTITY = /&(?:#x([\da-f]{1,6})|#(\d{1,7})|(lt|gt|amp|quot|apos));/gi;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the five XML entities and character references; anything else stays as written. */
export function decodeXml(s: string): string {
  return s.replace(ENTITY, (m, hex?: string, dec?: string, name?: string) => {
    if (name) return NAMED[name.toLowerCase()] ?? m;
    const cp = parseInt(hex ?? dec ?? '', hex ? 16 : 10);
    return cp > 0 && cp < 0x110000 && cp >> 11 != 27 ? String.fromCodePoint(cp) : '\ufffd';
  });
}

// One attribute: name, then an optional quoted (or bare, for sloppy feeds) value.
const ATTR = /\s*([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/y;
const NAME = /[^\s/>"'=]+/y;

function node(name: string): XmlNode {
  const lower = name.toLowerCase();
  return {
    name: lower,
    local: lower.slice(lower.indexOf(':') + 1),
    attrs: {},
    children: [],
    text: '',
    closed: false,
    from: 0,
    to: 0,
  };
}

/**
 * Reads `text` into a tree. Returns the root element (undefined when there is none) and the
 * issues met, each with its character offset.
 */
export function readXml(
  text: string,
  limits: XmlLimits = {},
): { root: XmlNode | undefined; issues: XmlIssue[] } {
  const maxNodes = limits.maxNodes ?? 50_000;
  const maxDepth = limits.maxDepth ?? 64;
  const issues: XmlIssue[] = [];
  const issue = (what: string, at: number): void => {
    if (issues.length < 20) issues.push(`${what} at character ${at}`);
  };
  const doc = node('#document');
  const stack: XmlNode[] = [doc];
  let count = 0;
  let i = 0;
  const n = text.length;
  const top = (): XmlNode => stack[stack.length - 1]!;
  while (i < n) {
    const lt = text.indexOf('<', i);
    const end = lt < 0 ? n : lt;
    if (end > i) {
      const chunk = text.slice(i, end);
      if (stack.length > 1) top().text += decodeXml(chunk);
      else if (chunk.trim()) issue('text outside the root element', i);
    }
    if (lt < 0) break;
    i = lt;
    if (text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      if (close < 0) return stop('unclosed comment', i);
      i = close + 3;
    } else if (text.startsWith('<![CDATA[', i)) {
      const close = text.indexOf(']]>', i + 9);
      if (close < 0) return stop('unclosed CDATA section', i);
      if (stack.length > 1) top().text += text.slice(i + 9, close);
      i = close + 3;
    } else if (text.startsWith('<?', i)) {
      const close = text.indexOf('?>', i + 2);
      if (close < 0) return stop('unclosed processing instruction', i);
      i = close + 2;
    } else if (text.startsWith('<!', i)) {
      // DOCTYPE (with an optional internal subset in [...]): skipped, never interpreted.
      const gt = text.indexOf('>', i);
      if (gt < 0) return stop('unclosed declaration', i);
      const bracket = text.slice(i, gt).indexOf('[');
      const close = bracket < 0 ? gt : text.indexOf(']', i + bracket);
      const after = close < 0 ? -1 : text.indexOf('>', close);
      if (after < 0) return stop('unclosed declaration', i);
      i = after + 1;
    } else if (text[i + 1] == '/') {
      NAME.lastIndex = i + 2;
      const m = NAME.exec(text);
      const gt = text.indexOf('>', i);
      if (!m || gt < 0) return stop('broken close tag', i);
      const name = m[0].toLowerCase();
      const open = stack.map((s) => s.name).lastIndexOf(name);
      if (open > 0) {
        for (let k = stack.length - 1; k > open; k--) issue(`<${stack[k]!.name}> not closed`, i);
        stack[open]!.closed = true;
        stack[open]!.to = i;
        stack.length = open;
      } else {
        issue(`stray </${name}>`, i);
      }
      i = gt + 1;
    } else {
      NAME.lastIndex = i + 1;
      const m = NAME.exec(text);
      if (!m) {
        issue('a "<" that starts no tag', i);
        if (stack.length > 1) top().text += '<';
        i++;
        continue;
      }
      const el = node(m[0]);
      let j = NAME.lastIndex;
      for (;;) {
        ATTR.lastIndex = j;
        const a = ATTR.exec(text);
        if (!a) break;
        const key = a[1]!.toLowerCase();
        if (!Object.hasOwn(el.attrs, key)) {
          el.attrs[key] = decodeXml(a[2] ?? a[3] ?? a[4] ?? '');
        }
        j = ATTR.lastIndex;
      }
      while (j < n && /\s/.test(text[j]!)) j++;
      const selfClosing = text.startsWith('/>', j);
      if (!selfClosing && text[j] != '>') return stop(`broken <${el.name}> tag`, i);
      i = el.from = el.to = j + (selfClosing ? 2 : 1);
      if (++count > maxNodes) return stop(`over ${maxNodes} elements; the rest was skipped`, lt);
      if (stack.length > maxDepth) return stop(`nested over ${maxDepth} deep`, lt);
      top().children.push(el);
      if (selfClosing) el.closed = true;
      else stack.push(el);
    }
  }
  if (stack.length > 1) issue(`text ended inside <${top().name}>`, n);
  return { root: doc.children[0], issues };

  /** Ends the read where it broke, keeping what came before. */
  function stop(what: string, at: number) {
    issue(what, at);
    return { root: doc.children[0], issues };
  }
}

/** The first child named `name` (qualified name first, then local name), if any. */
export function child(n: XmlNode | undefined, name: string): XmlNode | undefined {
  return n?.children.find((c) => c.name == name) ?? n?.children.find((c) => c.local == name);
}

/** All children with this local name. */
export const children = (n: XmlNode | undefined, name: string): XmlNode[] =>
  n?.children.filter((c) => c.local == name) ?? [];
