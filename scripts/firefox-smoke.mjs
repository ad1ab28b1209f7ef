// `npm run smoke:firefox`: the Firefox build (dist/firefox) in a real Firefox, headless, driven
// over Marionette (the protocol geckodriver speaks; Playwright does not drive a stock Firefox).
// Not part of `npm test` (CI installs Chromium only); run it by hand before a Firefox release:
//   apt-get install -y firefox-esr && npm run smoke:firefox
// It installs the add-on as a temporary one, grants the demo's origin as the user's answer to the
// permission prompt would, and checks what a user sees: options, polling into the overlay state,
// the overlay on an enabled site, the popup, the sidebar (list and declare form), a declared
// incident in the sidebar list, the background stopped and woken by a message with its data kept,
// and the widgets on the demo's sample app. Exits 1 when a check fails.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startDemo } from '../demo/server.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const ID = 'incident-lens@incident-lens.dev';
const UUID = '0c6d3a43-1b9e-4c7f-9d55-5f1e2a3b4c5d';
const BASE = `moz-extension://${UUID}/`;
const PORT = 2829;
const FIREFOX = ['firefox-esr', 'firefox'].find(
  (f) => spawnSync(f, ['--version'], { encoding: 'utf8' }).status === 0,
);
if (!FIREFOX) {
  console.error('firefox-smoke: no Firefox found; install it with: apt-get install -y firefox-esr');
  process.exit(1);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A Marionette connection: `[0, id, command, params]` out, `[1, id, error, result]` back, each framed as `length:json`. */
async function marionette(port) {
  const sock = net.connect(port, '127.0.0.1');
  await new Promise((ok, fail) => {
    sock.once('connect', ok);
    sock.once('error', fail);
  });
  let buf = Buffer.alloc(0);
  const waiting = new Map();
  let greeted;
  const greeting = new Promise((r) => (greeted = r));
  sock.on('data', (d) => {
    buf = Buffer.concat([buf, d]);
    for (;;) {
      const colon = buf.indexOf(':');
      if (colon < 0) return;
      const len = Number(buf.subarray(0, colon).toString());
      if (buf.length < colon + 1 + len) return;
      const msg = JSON.parse(buf.subarray(colon + 1, colon + 1 + len).toString());
      buf = buf.subarray(colon + 1 + len);
      if (!Array.isArray(msg)) greeted(msg);
      else {
        const [, id, error, result] = msg;
        const w = waiting.get(id);
        waiting.delete(id);
        if (error) w.fail(new Error(`${error.error}: ${error.message}`));
        else w.ok(result?.value ?? result);
      }
    }
  });
  await greeting;
  let seq = 0;
  return {
    send: (command, params = {}) =>
      new Promise((ok, fail) => {
        const id = ++seq;
        waiting.set(id, { ok, fail });
        const body = Buffer.from(JSON.stringify([0, id, command, params]));
        sock.write(Buffer.concat([Buffer.from(`${body.length}:`), body]));
      }),
    close: () => sock.destroy(),
  };
}

const demo = await startDemo({ port: 0, offsetMs: 110_000 });
const profile = mkdtempSync(join(tmpdir(), 'incident-lens-firefox-'));
writeFileSync(
  join(profile, 'user.js'),
  [
    // a known moz-extension:// address for the add-on's pages
    `user_pref("extensions.webextensions.uuids", ${JSON.stringify(JSON.stringify({ [ID]: UUID }))});`,
    `user_pref("marionette.port", ${PORT});`,
    'user_pref("browser.shell.checkDefaultBrowser", false);',
    'user_pref("datareporting.policy.dataSubmissionEnabled", false);',
  ].join('\n'),
);
const ff = spawn(
  FIREFOX,
  [
    '--headless',
    '--marionette',
    '-remote-allow-system-access',
    '--no-remote',
    '--profile',
    profile,
  ],
  { stdio: 'ignore' },
);

let failed = false;
const check = (what, ok, detail = '') => {
  console.log(`${ok ? '✔' : '✖'} ${what}${ok ? '' : `: ${String(detail).slice(0, 300)}`}`);
  if (!ok) failed = true;
  return ok;
};

let m;
try {
  for (let i = 0; i < 60 && !m; i++) {
    await sleep(500);
    m = await marionette(PORT).catch(() => undefined);
  }
  if (!m) throw new Error('Firefox did not open Marionette within 30 s');
  const { send } = m;
  const session = await send('WebDriver:NewSession', { capabilities: { alwaysMatch: {} } });
  console.log(`${FIREFOX} ${session.capabilities?.browserVersion ?? ''}, ${ROOT}/dist/firefox`);
  check(
    'the add-on installs',
    (await send('Addon:Install', { path: join(ROOT, 'dist/firefox'), temporary: true })) === ID,
  );

  /** Runs `body` (an async function body) in the selected tab; returns its value or 'ERR …'. */
  const run = (body, args = []) =>
    send('WebDriver:ExecuteAsyncScript', {
      script: `const done = arguments[arguments.length - 1];
        (async () => { ${body} })().then(done, (e) => done('ERR ' + e));`,
      args,
    });
  const chrome = async (body) => {
    await send('Marionette:SetContext', { value: 'chrome' });
    try {
      return await run(body);
    } finally {
      await send('Marionette:SetContext', { value: 'content' });
    }
  };
  /** Opens `url` in a new tab (from the browser itself: moz-extension pages cannot be navigated to). */
  const openTab = async (url) => {
    await chrome(`const w = Services.wm.getMostRecentWindow('navigator:browser');
      w.gBrowser.selectedTab = w.gBrowser.addTab(${JSON.stringify(url)},
        { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });`);
    const handles = await send('WebDriver:GetWindowHandles');
    await send('WebDriver:SwitchToWindow', { handle: handles.at(-1), focus: true });
    // (a script run before the page is in would die with the blank page it ran in)
    for (let i = 0; i < 40; i++) {
      const at = await run('return document.readyState + " " + location.href').catch(() => '');
      if (at === `complete ${url}`) return;
      await sleep(100);
    }
    throw new Error(`${url} did not load`);
  };
  const textOf = async (url, until) => {
    await openTab(url);
    for (let i = 0; i < 40; i++) {
      const text = String(await run('return document.body?.innerText ?? ""'));
      if (until.test(text)) return text;
      await sleep(250);
    }
    return String(await run('return document.body?.innerText ?? ""'));
  };
  // The overlay's projection, as the popup reads it: in storage.session (storage.local, which
  // every content script could read, holds it no more: issue 16, item 15).
  const projection = async () =>
    String(
      await run(
        `return JSON.stringify((await browser.storage.session.get('overlay')).overlay ?? null)`,
      ),
    );
  const cmd = (name, payload) =>
    run(
      `return JSON.stringify(await browser.runtime.sendMessage({ cmd: arguments[0], payload: arguments[1] }))`,
      [name, payload],
    ).then((r) => JSON.parse(r));

  const options = await textOf(`${BASE}src/extension/options/index.html`, /Add a source/);
  check('the options page renders', /Incident Lens — Settings/.test(options), options);

  // What the user's "Allow" on the permission prompt does (a prompt automation cannot answer).
  const granted = await chrome(`
    const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
    const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
    await ExtensionPermissions.add('${ID}', { permissions: [], origins: ['http://127.0.0.1/*'] },
      ExtensionParent.GlobalManager.getExtension('${ID}'));
    return 'ok';`);
  check('host access for the demo origin is granted', granted === 'ok', granted);

  const added = await cmd('sources/add', {
    name: 'Demo',
    url: `${demo.origin}/api/v2/summary.json`,
    pollSeconds: 30,
  });
  check(
    'a source is added and polled',
    added.ok && added.value.lastOkAt > 0,
    JSON.stringify(added),
  );
  let overlay = '';
  for (let i = 0; i < 20 && !overlay.includes('Checkout payments failing'); i++) {
    await cmd('sources/pollNow', {});
    overlay = await projection();
    await sleep(250);
  }
  check(
    "the feed's incident reaches the overlay state",
    overlay.includes('Checkout payments failing'),
    overlay,
  );

  const site = await cmd('sites/enable', { origin: demo.origin });
  check('the site is enabled', site.ok && site.value.revoked === false, JSON.stringify(site));
  await send('WebDriver:Navigate', { url: `${demo.origin}/demo/console.html` });
  let pill = false;
  for (let i = 0; i < 40 && !pill; i++) {
    pill = await run(`return !!document.querySelector('div[data-incident-lens]')`);
    await sleep(250);
  }
  // (its shadow root is closed: read it with the browser's privileges)
  const pillText = await send('WebDriver:ExecuteScript', {
    script: `return document.querySelector('div[data-incident-lens]')?.openOrClosedShadowRoot
      ?.querySelector('.pill')?.textContent ?? '';`,
    args: [],
    sandbox: 'system',
  });
  check(
    'the overlay shows on the enabled site, its pill with the severity and count',
    pill === true && /^SEV-2 · 1 active incident,/.test(pillText),
    pillText,
  );

  await send('WebDriver:ExecuteScript', {
    script: `document.querySelector('div[data-incident-lens]').openOrClosedShadowRoot.querySelector('.pill').click();`,
    args: [],
    sandbox: 'system',
  });
  await sleep(500);
  const panel = await send('WebDriver:ExecuteScript', {
    script: `return document.querySelector('div[data-incident-lens]').openOrClosedShadowRoot
      .querySelector('#lens-panel')?.textContent ?? '';`,
    args: [],
    sandbox: 'system',
  });
  check(
    'the overlay panel opens with the incident, its countdowns and the customer reply',
    /Checkout payments failing/.test(panel) && /due in|overdue/.test(panel) && /Copy/.test(panel),
    panel,
  );

  const popup = await textOf(`${BASE}src/extension/popup/index.html`, /Checkout payments failing/);
  check(
    'the popup lists the active incident',
    /SEV-2 Checkout payments failing/.test(popup),
    popup,
  );

  const list = await textOf(`${BASE}src/extension/sidepanel/index.html#/`, /Open incidents/);
  check('the sidebar shows the incident lists', /Open incidents/.test(list), list);
  const form = await textOf(
    `${BASE}src/extension/sidepanel/index.html#/declare`,
    /Declare an incident/,
  );
  check('the sidebar shows the declare form', /Declare an incident/.test(form), form);

  const declared = await cmd('incidents/declare', {
    title: 'Exports failing in Firefox',
    components: ['Exports'],
    publiclyVisible: true,
  });
  check('an incident is declared', declared.ok, JSON.stringify(declared));
  const after = await textOf(`${BASE}src/extension/sidepanel/index.html#/`, /Exports failing/);
  check(
    'the declared incident is in the sidebar list',
    /Exports failing in Firefox/.test(after),
    after,
  );

  // The background stopped (as Firefox does to an idle event page): a message wakes it, the data is there.
  const stopped = await chrome(`
    const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
    await ExtensionParent.GlobalManager.getExtension('${ID}').terminateBackground();
    return 'ok';`);
  await openTab(`${BASE}src/extension/options/index.html`);
  const woke = await cmd('sources/pollNow', {});
  const kept = await projection();
  const listed = await textOf(`${BASE}src/extension/sidepanel/index.html#/`, /Exports failing/);
  check(
    'after the background is stopped, a message wakes it and the data is kept',
    stopped === 'ok' &&
      woke.ok &&
      kept.includes('Checkout payments failing') &&
      listed.includes('Exports failing in Firefox'),
    `${stopped} ${JSON.stringify(woke)} ${kept.slice(0, 200)} ${listed.slice(0, 200)}`,
  );

  // The widgets, on the demo's sample app (a web page, not the add-on).
  await send('WebDriver:Navigate', { url: `${demo.origin}/demo/app.html` });
  let widgets = '';
  for (let i = 0; i < 40 && !widgets.includes('Checkout'); i++) {
    widgets = String(
      await run(`const b = document.querySelector('header + incident-banner');
        const s = document.querySelector('header status-badge');
        return [b?.shadowRoot?.querySelector('[part=name]')?.textContent,
          s?.shadowRoot?.querySelector('[part~=label]')?.textContent,
          document.querySelectorAll('incident-banner[data-level]').length].join(' | ');`),
    );
    await sleep(250);
  }
  check(
    'the widgets render in Firefox (banner, badge, push mode)',
    /^Checkout payments failing \| Partial system outage \| 6$/.test(widgets),
    widgets,
  );

  // Errors of ours in the browser console (Firefox's own unload noise is not ours).
  const errors = await chrome(`return Services.console.getMessageArray()
    .filter((m) => m instanceof Ci.nsIScriptError && !(m.flags & Ci.nsIScriptError.warningFlag))
    .map((m) => m.errorMessage + ' @ ' + m.sourceName)
    .filter((t) => t.includes('${UUID}') || t.includes('${demo.origin}'));`);
  check('no script error from the add-on or the widgets', errors.length === 0, errors.join('\n'));
} catch (e) {
  check('the smoke run', false, e.message);
} finally {
  m?.close();
  ff.kill();
  await demo.close();
  await sleep(500);
  rmSync(profile, { recursive: true, force: true });
}
console.log(failed ? 'Firefox smoke: FAILED' : 'Firefox smoke: all checks passed');
process.exit(failed ? 1 : 0);
