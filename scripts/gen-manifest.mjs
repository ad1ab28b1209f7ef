#!/usr/bin/env node
/**
 * Generates widgets/dist/custom-elements.json (schema 2.1.0) from the JSDoc tags on the widget
 * classes (@summary @attr @prop @fires @csspart @cssprop) and the tags in their define.ts.
 * Hand-written on purpose: no analyzer dependency for two elements.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { writeNotices } from './notices.mjs';

const root = resolve(import.meta.dirname, '..');
const src = join(root, 'widgets/src');
const out = join(root, 'widgets/dist/custom-elements.json');

const camel = (s) => s.replace(/-(\w)/g, (_, c) => c.toUpperCase());

/** Parses the JSDoc block right above `export class Name`. */
export function parseClass(text) {
  const m = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*export class (\w+)/.exec(text);
  if (!m) return undefined;
  const lines = m[1].split('\n').map((l) => l.replace(/^\s*\* ?/, '').trimEnd());
  const tags = [];
  for (const line of lines) {
    if (line.startsWith('@')) tags.push(line);
    else if (tags.length && line.trim()) tags[tags.length - 1] += ' ' + line.trim();
  }
  const decl = {
    kind: 'class',
    name: m[2],
    customElement: true,
    summary: '',
    attributes: [],
    members: [],
    events: [],
    cssParts: [],
    cssProperties: [],
  };
  for (const t of tags) {
    const r = /^@(\w+)\s+(?:\{([^}]*)\}\s+)?(\S+)(?:\s+-\s+|\s+)?([\s\S]*)$/.exec(t);
    if (!r) continue;
    const [, tag, type, name, description = ''] = r;
    const typed = type ? { type: { text: type } } : {};
    if (tag === 'summary') decl.summary = `${name} ${description}`.trim();
    else if (tag === 'attr')
      decl.attributes.push({ name, description, fieldName: camel(name), ...typed });
    else if (tag === 'prop') decl.members.push({ kind: 'field', name, description, ...typed });
    else if (tag === 'fires') decl.events.push({ name, description, ...typed });
    else if (tag === 'csspart') decl.cssParts.push({ name, description });
    else if (tag === 'cssprop') decl.cssProperties.push({ name, description });
  }
  return decl;
}

const modules = [];
for (const dir of readdirSync(src, { withFileTypes: true })) {
  if (!dir.isDirectory()) continue;
  let file;
  try {
    file = readFileSync(join(src, dir.name, `${dir.name}.ts`), 'utf8');
  } catch {
    continue;
  }
  const decl = parseClass(file);
  if (!decl) continue;
  const define = readFileSync(join(src, dir.name, 'define.ts'), 'utf8');
  decl.tagName = /(?:customElements\.define|defineOnce)\('([\w-]+)'/.exec(define)?.[1];
  if (!decl.tagName) {
    console.error(
      `widgets/src/${dir.name}/define.ts: no tag registered (defineOnce('tag', Class))`,
    );
    process.exit(1);
  }
  const path = `widgets/src/${dir.name}/${dir.name}.ts`;
  modules.push({
    kind: 'javascript-module',
    path,
    declarations: [decl],
    exports: [
      { kind: 'js', name: decl.name, declaration: { name: decl.name, module: path } },
      {
        kind: 'custom-element-definition',
        name: decl.tagName,
        declaration: { name: decl.name, module: path },
      },
    ],
  });
}
if (!modules.length) throw new Error('gen-manifest: no documented widget classes found');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({ schemaVersion: '2.1.0', modules }, null, 2) + '\n');
console.log(
  `wrote ${out.slice(root.length + 1)} (${modules.map((m) => m.declarations[0].tagName).join(', ')})`,
);
// Lit's licence, next to the standalone files that carry Lit (the minifier drops its header).
writeNotices(join(root, 'widgets/dist/standalone'), ['lit', ['lit-html', 'lit']]);

// The standalone files must register both tags (a file that registers nothing is small but broken,
// e.g. when its define modules were tree-shaken as side-effect free). Their size is gated by
// scripts/size.mjs against size-budgets.json (`npm run size`, a step of `npm test`).
let broken = false;
for (const file of ['incident-widgets.js', 'incident-widgets.iife.js']) {
  const code = readFileSync(join(root, 'widgets/dist/standalone', file), 'utf8');
  const missing = modules
    .map((m) => m.declarations[0].tagName)
    .filter((tag) => !code.includes(`"${tag}"`) && !code.includes(`\`${tag}\``));
  if (missing.length) {
    console.error(`widgets/dist/standalone/${file} does not register ${missing.join(', ')}`);
    broken = true;
  }
}
if (broken) process.exit(1);
