import { afterAll, expect, test } from 'vitest';
import { closedRoot } from '../e2e/extension-ui/closed-root';
import { enableSiteFromOptions, startUi, type UiSession } from '../e2e/extension-ui/session';

let u: UiSession | undefined;
afterAll(() => u?.close());

/** A helpdesk-like ticket: the subject, the customer's message and a contenteditable reply editor. */
const HELPDESK = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ticket #4411</title>
<style>body{font:16px system-ui,sans-serif;margin:24px;max-width:760px}
.msg{border:1px solid #ccc;border-radius:6px;padding:10px 12px;margin:12px 0}
.editor{border:2px solid #222;border-radius:6px;padding:10px;min-height:220px;white-space:pre-wrap}</style></head>
<body><main><h1>Payment fails at checkout</h1>
<div class="msg">Every card payment at Checkout fails with an error since 10:00.</div>
<div class="editor" contenteditable="true" role="textbox" aria-multiline="true" aria-label="Reply"></div>
</main></body></html>`;

// `npm run docs:screenshots`: docs/reply-inserted.png, the README's picture of the customer reply
// that "Insert reply" put into a helpdesk-like reply editor, from the real extension.
test('docs/reply-inserted.png: the reply inserted into a helpdesk-like editor', async () => {
  u = await startUi();
  await u.pollUntil((st) => (st?.incidents.length ?? 0) > 0, 'an incident');
  await enableSiteFromOptions(u);
  u.server.html('/helpdesk', HELPDESK);
  const page = await u.s.context.newPage();
  await page.setViewportSize({ width: 1200, height: 820 });
  await page.goto(`${u.server.origin}/helpdesk`);
  await page.reload();
  const root = await closedRoot(page);
  await expect.poll(() => root.exists('.pill'), { timeout: 10_000 }).toBe(true);
  await page.click('.editor'); // the caret in the reply editor, as the agent leaves it
  await root.click('.pill');
  await expect.poll(() => root.exists('.reply .insert'), { timeout: 10_000 }).toBe(true);
  await root.click('.reply .insert');
  await expect.poll(() => page.locator('.editor').innerText()).toContain('Hi,');
  await page.screenshot({ path: 'docs/reply-inserted.png', animations: 'disabled' });
});
