/** The bounded XML reader: what feeds in the wild need, and nothing a hostile feed can abuse. */
import { describe, expect, it } from 'vitest';
import { child, children, decodeXml, readXml } from './xml';

describe('readXml', () => {
  it('reads elements, attributes, text, CDATA and entities', () => {
    const { root, issues } = readXml(
      `<?xml version="1.0"?><!-- c --><rss version='2.0'><channel><title>A &amp; B &#x263A; &#9731;</title>` +
        `<item><description><![CDATA[<p>raw & kept</p>]]></description><link>https://x.example/a?b=1&amp;c=2</link>` +
        `<atom:link href="https://x.example/feed" rel="self"/></item></channel></rss>`,
    );
    expect(issues).toEqual([]);
    expect(root!.name).toBe('rss');
    expect(root!.attrs.version).toBe('2.0');
    const channel = child(root, 'channel')!;
    expect(child(channel, 'title')!.text).toBe('A & B ☺ ☃');
    const item = children(channel, 'item')[0]!;
    expect(child(item, 'description')!.text).toBe('<p>raw & kept</p>');
    expect(item.children.find((c) => c.name == 'link')!.text).toBe('https://x.example/a?b=1&c=2');
    expect(child(item, 'atom:link')!.attrs.href).toBe('https://x.example/feed');
  });

  it('leaves unknown and DOCTYPE-declared entities as written', () => {
    const { root } = readXml(
      '<!DOCTYPE r [<!ENTITY a "AAAA"><!ENTITY b "&a;&a;&a;">]><r>&a; &b; &nbsp; &#0; &#xD800;</r>',
    );
    expect(root!.text).toBe('&a; &b; &nbsp; \ufffd \ufffd');
  });

  it('marks an element the text ends inside as unclosed, and says where', () => {
    const { root, issues } = readXml('<feed><entry><title>ok</title></entry><entry><title>cut');
    const [a, b] = children(root, 'entry');
    expect([a!.closed, b!.closed]).toEqual([true, false]);
    expect(issues).toEqual(['text ended inside <title> at character 55']);
  });

  it('skips a stray close tag and closes what a close tag skips over', () => {
    const { root, issues } = readXml('<a><b><c>x</b></q></a>');
    expect(root!.closed).toBe(true);
    expect(issues).toEqual(['<c> not closed at character 10', 'stray </q> at character 14']);
  });

  it('stops at the element and depth limits, keeping what came before', () => {
    const many = `<r>${'<i/>'.repeat(100)}</r>`;
    const r1 = readXml(many, { maxNodes: 10 });
    expect(r1.root!.children).toHaveLength(9);
    expect(r1.issues[0]).toMatch(/^over 10 elements/);
    const deep = readXml('<a>'.repeat(100), { maxDepth: 8 });
    expect(deep.issues[0]).toMatch(/^nested over 8 deep/);
  });

  it('stays linear on pathological input', () => {
    for (const s of [
      '<'.repeat(200_000),
      '<!'.repeat(100_000),
      '<a '.repeat(100_000),
      '<!--'.repeat(50_000),
    ]) {
      const t0 = performance.now();
      readXml(s);
      expect(performance.now() - t0).toBeLessThan(3000);
    }
  });

  it('decodes references to valid characters only', () => {
    expect(decodeXml('&lt;&GT;&#65;&#x110000;&bogus;')).toBe('<>A\ufffd&bogus;');
  });
});
