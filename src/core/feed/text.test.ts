import { describe, expect, it } from 'vitest';
import { htmlToText } from './text';

describe('htmlToText', () => {
  it('turns <br>, <br />, </p> and block ends into newlines', () => {
    expect(htmlToText('a<br>b<br/>c<BR />d')).toBe('a\nb\nc\nd');
    expect(htmlToText('<p>One</p><p>Two</p>')).toBe('One\n\nTwo');
    expect(htmlToText('<ul><li>x</li><li>y</li></ul>')).toBe('x\ny');
  });

  it('strips other tags but keeps their text', () => {
    expect(htmlToText('See <a href="https://x.test">the <b>status</b> page</a>.')).toBe(
      'See the status page.',
    );
  });

  it('drops script and style contents', () => {
    expect(htmlToText('a<script>alert(1)</script>b<style>p{}</style>c')).toBe('abc');
    expect(htmlToText('a<SCRIPT type="x">never closed')).toBe('a');
  });

  it('decodes entities once: escaped markup stays as literal text', () => {
    expect(htmlToText('&amp; &lt; &gt; &quot; &#39; &apos;')).toBe("& < > \" ' '");
    expect(htmlToText('&lt;script&gt;x&lt;/script&gt;')).toBe('<script>x</script>');
    expect(htmlToText('a&nbsp;b &#65;&#x42;&#X43; &#128512;')).toBe('a\u00a0b ABC 😀');
    expect(htmlToText('&amp;lt;')).toBe('&lt;');
  });

  it('decodes the named entities provider bodies use: typography and Latin-1 letters', () => {
    expect(
      htmlToText('We&rsquo;re on it &mdash; &ldquo;soon&rdquo;&hellip; &bull; 5&ndash;6'),
    ).toBe('We’re on it — “soon”… • 5–6');
    expect(htmlToText('Caf&eacute; &Eacute;t&eacute; &uuml;ber &ntilde; &szlig; &yuml;')).toBe(
      'Café Été über ñ ß ÿ',
    );
    expect(htmlToText('&copy; &reg; &trade; &euro;5 &pound; &deg;C &times; &frac12; &iexcl;')).toBe(
      '© ® ™ €5 £ °C × ½ ¡',
    );
    expect(htmlToText('&AMP; &amp;rsquo; &Rsquo;')).toBe('& &rsquo; &Rsquo;');
  });

  it('leaves unknown or malformed entities alone, and replaces invalid code points', () => {
    expect(htmlToText('AT&T; R&D &bogus; &#; &#xZZ; & ;')).toBe('AT&T; R&D &bogus; &#; &#xZZ; & ;');
    expect(htmlToText('&#0; &#xD800; &#x110000;')).toBe('\ufffd \ufffd \ufffd');
  });

  it('keeps a lone < that does not start a tag, and an unclosed one', () => {
    expect(htmlToText('1 < 2 and 3 > 2')).toBe('1 < 2 and 3 > 2');
    expect(htmlToText('latency <5ms')).toBe('latency <5ms');
    expect(htmlToText('a <b never closed')).toBe('a <b never closed');
  });

  it('normalises \\r\\n and lone \\r, trims, and collapses 3+ newlines', () => {
    expect(htmlToText('  a\r\n\r\nb\rc\n\n\n\nd  \n')).toBe('a\n\nb\nc\n\nd');
  });

  it('keeps indentation inside a body (markdown-ish lists)', () => {
    expect(htmlToText('List:\n  - one\n  - two')).toBe('List:\n  - one\n  - two');
  });

  // A quadratic pass over this half-million-character input takes minutes and fails on the test's
  // timeout; a linear one takes milliseconds. No wall-clock assertion here (timings live in the bench).
  it('is linear on pathological input', () => {
    const evil = '<a'.repeat(200_000) + '&'.repeat(200_000) + '<br>'.repeat(100_000);
    const out = htmlToText(evil);
    expect(out).not.toContain('<a');
    expect(out.length).toBeLessThan(evil.length);
  });
});
