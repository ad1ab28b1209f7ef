/**
 * RSS 2.0 history feeds (Statuspage `history.rss`, Better Stack `feed.rss`, OpenStatus
 * `/feed/rss`): `rss` > `channel` > `title`, `link`, `item` (guid, title, link, pubDate,
 * description or content:encoded). See `history.ts` for how items become incidents.
 */
import { fromEntries } from './history';
import type { HistoryEntry } from './history';
import { xmlRoot } from './atom';
import { adapter } from './translate';
import type { Adapter } from './types';
import { child, children } from './xml';

export const readRss: Adapter = adapter('rss', (body, t, out, options) => {
  const { root, text } = xmlRoot(body, t, options, 'rss');
  const channel = child(root, 'channel');
  if ((root?.local != 'rss' && root?.local != 'rdf') || !channel) {
    if (text !== undefined) t.note('$', 'format', 'rss');
    return;
  }
  const page = {
    name: child(channel, 'title')?.text.trim(),
    url: child(channel, 'link')?.text.trim(),
  };
  t.link('page.name', 'rss.channel.title');
  t.link('page.url', 'rss.channel.link');
  const entries: HistoryEntry[] = [];
  // RSS 1.0 (RDF) puts items beside the channel; 2.0 inside it.
  const items = children(channel, 'item').length
    ? children(channel, 'item')
    : children(root, 'item');
  if (items.length > t.maxItems) t.note('rss.channel.item', 'items', t.maxItems);
  items.slice(0, t.maxItems).forEach((e, i) => {
    const at = `rss.channel.item[${i}]`;
    // An item the text ended inside (a truncated feed) is partial: dropped, not half shown.
    if (!e.closed) return void t.note(at, 'dropped');
    const body = child(e, 'content:encoded') ?? child(e, 'description');
    const guid = child(e, 'guid');
    const id = guid?.text.trim();
    // A guid is the item's permanent link unless it says otherwise (RSS 2.0), and some feeds
    // give no <link> beside it.
    const permalink = guid?.attrs.ispermalink?.trim() != 'false' && /^https?:\/\//i.test(id ?? '');
    const link =
      e.children.find((c) => c.name == 'link')?.text.trim() ?? (permalink ? id : undefined);
    entries.push({
      at,
      id,
      title: child(e, 'title')?.text.trim(),
      link,
      updated: (child(e, 'pubdate') ?? child(e, 'dc:date'))?.text.trim(),
      html: body?.text,
      htmlAt: body && `${at}.${body.name}`,
    });
  });
  out.page = page;
  fromEntries(t, out, entries);
});
