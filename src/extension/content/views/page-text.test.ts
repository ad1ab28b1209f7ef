// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readTicket, visiblePageText } from './page-text';

const consoleHtml = readFileSync(resolve(__dirname, '../../../../demo/console.html'), 'utf8');

function load(html: string): void {
  document.documentElement.innerHTML = html
    .replace(/^<!doctype html>\s*<html[^>]*>/i, '')
    .replace(/<link[^>]*>/g, '');
}
afterEach(() => {
  document.documentElement.innerHTML = '<head></head><body></body>';
});

describe('reading the ticket, not the page (issue 19, item 2)', () => {
  it('on the demo console: the subject and its message, not the recent-tickets table', () => {
    load(consoleHtml);
    const text = visiblePageText();
    expect(text).toContain('Customers cannot pay at checkout');
    expect(text).toContain('payment declined');
    expect(text).not.toContain('SSO login loop');
    expect(text).not.toContain('Invoice address change');
  });

  it('reads text inside an open shadow root', () => {
    load('<body><main><h1>Ticket 7</h1><div id="host"></div></main></body>');
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<p>Our webhooks stopped arriving</p>';
    expect(visiblePageText()).toContain('Our webhooks stopped arriving');
  });

  it('a helpdesk adapter reads the subject and the latest customer message', () => {
    load(`<body><header><input data-test-id="omni-header-subject" value="Cannot sign in"></header>
      <div data-test-id="omni-log-comment-item"><div data-test-id="omni-log-message-content">first message</div></div>
      <div data-test-id="omni-log-comment-item"><div data-test-id="omni-log-message-content">The login page loops</div></div>
      <h1>Views</h1><table><tr><td>Checkout broken</td></tr></table></body>`);
    const read = readTicket();
    expect(read?.via).toBe('zendesk');
    expect(read?.text).toContain('Cannot sign in');
    expect(read?.text).toContain('The login page loops');
    expect(read?.text).not.toContain('first message');
    expect(read?.text).not.toContain('Checkout broken');
  });

  it('says nothing on a page with no heading and no focused region', () => {
    load('<body><div>Checkout Checkout Checkout</div></body>');
    expect(visiblePageText()).toBe('');
  });
});
