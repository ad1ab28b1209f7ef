// Issue 19, "the ticket, understood" and "the reply where it goes", in real Chromium: for each
// helpdesk adapter, a saved page structure that follows the helpdesk's public markup (sources in
// tests/fixtures/helpdesks/SOURCES.md): the overlay matches its ticket and inserts the customer
// reply into its reply editor (contenteditable, or a rich-text editor in a same-origin frame).
// Then the generic page: a textarea, at the caret.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { closedRoot, type ClosedRoot } from './closed-root';
import { enableSiteFromOptions, FIRST, startUi, type UiSession } from './session';

let u: UiSession;
let page: Page | undefined;
const FIXTURES = resolve(import.meta.dirname, '../../fixtures/helpdesks');

beforeAll(async () => {
  u = await startUi();
  await u.pollUntil((st) => (st?.incidents.length ?? 0) > 0, 'an incident');
  await enableSiteFromOptions(u);
});
afterAll(() => u?.close());
afterEach(() => page?.close());

async function open(path: string): Promise<ClosedRoot> {
  page = await u.s.context.newPage();
  await page.goto(`${u.server.origin}${path}`);
  await page.reload(); // the registered script injects on the next load
  const root = await closedRoot(page);
  await expect.poll(() => root.exists('.pill'), { timeout: 15_000 }).toBe(true);
  await root.click('.pill');
  await expect.poll(() => root.exists('.reply .insert')).toBe(true);
  return root;
}

/** The editor's text: a contenteditable's, or the body of a rich-text editor's frame. */
function editorText(p: Page, selector: string): Promise<string> {
  return p.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (el instanceof HTMLIFrameElement) return el.contentDocument?.body.innerText ?? '';
    return (el as HTMLElement | null)?.innerText ?? '';
  }, selector);
}

test.each([
  ['zendesk', '[data-test-id="omnicomposer-rich-text-ckeditor"]'],
  ['freshdesk', '.fr-element'],
  ['intercom', '.ProseMirror'],
  ['helpscout', '[data-cy="ReplyEditor"] [contenteditable]'],
  ['front', '[class*="composer"] [contenteditable]'],
  ['salesforce', 'iframe.cke_wysiwyg_frame'],
])('%s: the ticket matches Checkout and the reply goes into its editor', async (id, editor) => {
  u.server.html(`/hd/${id}`, readFileSync(resolve(FIXTURES, `${id}.html`), 'utf8'));
  const root = await open(`/hd/${id}`);
  expect(await root.text('.match-note')).toContain('“Checkout');
  await root.click('.reply .insert');
  await expect.poll(() => root.text('.reply')).toContain('Inserted into the ticket’s reply.');
  const text = await editorText(page!, editor);
  expect(text).toContain(FIRST.body);
  expect(text).toContain('Elevated errors on Checkout');
});

test('a plain textarea gets the reply at the caret, as plain text', async () => {
  u.server.html(
    '/hd/generic',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ticket</title></head><body>
<main><h1>Payment fails at checkout</h1><p>Customer: cards are declined.</p>
<form aria-label="Reply"><label>Reply <textarea id="reply" rows="8" cols="60"></textarea></label></form></main></body></html>`,
  );
  const root = await open('/hd/generic');
  await page!.locator('#reply').fill('Hello Dana,\n\nBest, Ana');
  // the caret after "Hello Dana,\n\n"
  await page!.locator('#reply').evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(13, 13));
  await root.click('.reply .insert');
  await expect.poll(() => root.text('.reply')).toContain('Inserted');
  const value = await page!.locator('#reply').inputValue();
  expect(value.startsWith('Hello Dana,\n\n')).toBe(true);
  expect(value.endsWith('Best, Ana')).toBe(true);
  expect(value).toContain(FIRST.body);
  expect(value).not.toMatch(/<[a-z]/i); // plain text, never markup
});

test('with no reply editor on the page, the overlay says so and Copy still works', async () => {
  const root = await open('/ticket');
  await root.click('.reply .insert');
  await expect.poll(() => root.text('.reply')).toContain('No reply box found');
  expect(await root.exists('.reply button:not(.insert)')).toBe(true);
});
