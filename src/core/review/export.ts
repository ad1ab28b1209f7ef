/**
 * Review exports. STABLE: the same review and options always give the same bytes (no clock,
 * deterministic order, a fixed time zone), so exports can be diffed and re-published safely.
 */
import type { Review } from './model';
import { buildExportDoc, type DocItem, type ExportOptions } from './sections';

/** Markdown needs only `<`, `>` and `&` neutralised to stay inert when rendered elsewhere. */
function md(text: string): string {
  return text.replace(/[<>&]/g, (c) => `\\${c}`).replace(/\s*\n\s*/g, ' ');
}

/**
 * A list item. The item's own lines are kept (a timeline entry may span several): each ends in a
 * Markdown hard break and the next is indented under the marker, so the item stays one item.
 */
function mdItem(i: DocItem, marker: string): string {
  const lead = i.lead ? `**${md(i.lead)}** ` : '';
  const note = i.note ? ` _(${md(i.note)})_` : '';
  const indent = ' '.repeat(marker.length + 1);
  const text = i.text
    .split(/\n+/)
    .map((l) => md(l.trim()))
    .filter(Boolean)
    .join(`  \n${indent}`);
  return `${marker} ${lead}${text}${note}`;
}

/** The review as Markdown, for pasting into a wiki or a ticket. */
export function reviewToMarkdown(review: Review, opts: ExportOptions): string {
  const doc = buildExportDoc(review, opts);
  const out: string[] = [`# ${md(doc.title)}`, '', `> ${md(doc.statement)}`, ''];
  for (const [k, v] of doc.meta) out.push(`- **${k}:** ${md(v)}`);
  for (const s of doc.sections) {
    out.push('', `## ${s.heading}`, '');
    if (s.intro) out.push(`_${md(s.intro)}_`, '');
    if (s.paragraphs.length === 0 && s.items.length === 0) out.push(`_${s.empty}_`);
    out.push(...s.paragraphs.flatMap((p, i) => (i > 0 ? ['', md(p)] : [md(p)])));
    if (s.paragraphs.length > 0 && s.items.length > 0) out.push('');
    out.push(...s.items.map((it, i) => mdItem(it, s.ordered ? `${i + 1}.` : '-')));
  }
  return `${out.join('\n')}\n`;
}

const ESC: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes untrusted text for HTML text and attribute values. */
function h(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESC[c] ?? c);
}

const STYLE = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;max-width:48rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd}
.statement{border-left:4px solid #2f6fde;background:#f3f6fc;padding:.5rem 1rem;margin:1rem 0}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0}
.note,.empty,.intro{color:#555;font-style:italic}
@media print{body{margin:0;max-width:none;font-size:11pt;color:#000}.statement{background:none}
h2{break-after:avoid}li,dl{break-inside:avoid}a{color:inherit;text-decoration:none}}
`.trim();

function htmlItem(i: DocItem): string {
  const lead = i.lead ? `<strong>${h(i.lead)}</strong> ` : '';
  const note = i.note ? ` <span class="note">(${h(i.note)})</span>` : '';
  const text = i.text
    .split(/\n+/)
    .map((l) => h(l.trim()))
    .filter(Boolean)
    .join('<br>');
  return `<li>${lead}${text}${note}</li>`;
}

/**
 * The review as a self-contained, printable HTML document (inline print stylesheet, no scripts,
 * no external resources). Every piece of review text is HTML-escaped.
 */
export function reviewToHtml(review: Review, opts: ExportOptions): string {
  const doc = buildExportDoc(review, opts);
  const out: string[] = [
    '<!doctype html>',
    `<html lang="${h(opts.locale)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${h(doc.title)}</title>`,
    `<style>\n${STYLE}\n</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${h(doc.title)}</h1>`,
    `<p class="statement">${h(doc.statement)}</p>`,
    '<dl>',
    ...doc.meta.map(([k, v]) => `<dt>${h(k)}</dt><dd>${h(v)}</dd>`),
    '</dl>',
  ];
  for (const s of doc.sections) {
    out.push('<section>', `<h2>${h(s.heading)}</h2>`);
    if (s.intro) out.push(`<p class="intro">${h(s.intro)}</p>`);
    if (s.paragraphs.length === 0 && s.items.length === 0) {
      out.push(`<p class="empty">${h(s.empty)}</p>`);
    }
    out.push(...s.paragraphs.map((p) => `<p>${h(p).replace(/\n/g, '<br>')}</p>`));
    if (s.items.length > 0) {
      const tag = s.ordered ? 'ol' : 'ul';
      out.push(`<${tag}>`, ...s.items.map(htmlItem), `</${tag}>`);
    }
    out.push('</section>');
  }
  out.push('</main>', '</body>', '</html>');
  return `${out.join('\n')}\n`;
}
