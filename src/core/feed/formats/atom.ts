/**
 * Atom history feeds (Statuspage `history.atom`, OpenStatus `/feed/atom`, any status page's
 * Atom feed): `feed` > `title`, `link[rel=alternate]`, `entry` (id, title, link, published,
 * updated, content or summary). See `history.ts` for how entries become incidents.
 */
import { htmlToText } from '../text';
import { fromEntries } from './history';
import type { HistoryEntry } from './history';
import type { Translation } from './translate';
import { adapter } from './translate';
import type { Adapter, AdapterOptions } from './types';
import { child, children, readXml } from './xml';
import type { XmlNode } from './xml';

/**
 * The markup of an Atom construct: `xhtml` is elements (a `div`) read from the source as written,
 * `html` is escaped text, `text` is plain text made safe to read as HTML. Untyped, a title is
 * text (the default, RFC 4287) and a body HTML (what feeds that leave the type out send).
 */
const markupOf = (n: XmlNode, source: string, untyped: 'html' | 'text'): string => {
  const type = n.attrs.type ?? untyped;
  return type == 'xhtml' ? source.slice(n.from, n.to) : type == 'text' ? escape(n.text) : n.text;
};

/** An Atom text construct (a title) as plain text. */
const textOf = (n: XmlNode | undefined, source: string): string | undefined =>
  n && htmlToText(markupOf(n, source, 'text'));

/** The href of the alternate (or first) link. */
const href = (n: XmlNode | undefined): string | undefined => {
  const links = children(n, 'link');
  const alt = links.find((l) => (l.attrs.rel ?? 'alternate') == 'alternate') ?? links[0];
  return alt?.attrs.href;
};

export const readAtom: Adapter = adapter('atom', (body, t, out, options) => {
  const { root, text } = xmlRoot(body, t, options, 'atom');
  if (root?.local != 'feed') {
    if (text !== undefined) t.note('$', 'format', 'atom');
    return;
  }
  const src = text ?? '';
  const page: Obj = { name: textOf(child(root, 'title'), src), url: href(root) };
  t.link('page.name', 'feed.title');
  t.link('page.url', 'feed.link');
  const entries: HistoryEntry[] = [];
  const all = children(root, 'entry');
  if (all.length > t.maxItems) t.note('feed.entry', 'items', t.maxItems);
  all.slice(0, t.maxItems).forEach((e, i) => {
    const at = `feed.entry[${i}]`;
    // An entry the text ended inside (a truncated feed) is partial: dropped, not half shown.
    if (!e.closed) return void t.note(at, 'dropped');
    const body = child(e, 'content') ?? child(e, 'summary');
    entries.push({
      at,
      id: child(e, 'id')?.text.trim(),
      title: textOf(child(e, 'title'), src),
      link: href(e),
      updated: child(e, 'updated')?.text.trim(),
      published: child(e, 'published')?.text.trim(),
      html: body && markupOf(body, src, 'html'),
      htmlAt: body && `${at}.${body.local}`,
    });
  });
  out.page = page;
  fromEntries(t, out, entries);
});

type Obj = Record<string, unknown>;

/** Plain text made safe to read as HTML (so `<` in a text body stays text). */
export const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** The XML root of a body given as text; reports not-XML and XML issues. */
export function xmlRoot(
  body: unknown,
  t: Translation,
  options: AdapterOptions,
  format: 'atom' | 'rss',
): { root: XmlNode | undefined; text: string | undefined } {
  if (typeof body != 'string') {
    t.note('$', 'format', format);
    return { root: undefined, text: undefined };
  }
  const max = (options.maxXmlLength as number) >= 1 ? options.maxXmlLength! : 5_000_000;
  let text = body;
  if (text.length > max) {
    t.note('$', 'cut', max);
    text = text.slice(0, max);
  }
  const { root, issues } = readXml(text);
  for (const issue of issues) t.note('$', 'xml', issue);
  return { root, text };
}
