import { h, render, type ComponentType } from 'preact';
import browser from 'webextension-polyfill';
import { wireI18n } from './browser/wiring';
import { t } from '../i18n/translate';
import { baseCss } from './styles';

/** Layout shared by the popup and the options page, on top of the shared tokens. */
const PAGE_CSS = `
body{margin:0;background:var(--lens-bg);}
main{padding:12px 16px;}
h1{font-size:18px;margin:0 0 8px;} h2{font-size:16px;margin:12px 0 6px;} h3{font-size:15px;margin:0 0 4px;}
.card{border-top:1px solid var(--lens-border);padding:8px 0;}
.meta{font-size:13px;margin:2px 0;}
a{color:var(--lens-accent);}
label{display:block;margin:6px 0 2px;font-weight:600;}
input[type=text],input[type=url],input[type=number]{font:inherit;color:var(--lens-fg);background:var(--lens-bg);
border:1px solid var(--lens-border);border-radius:6px;padding:4px 8px;width:100%;box-sizing:border-box;}
.error{color:var(--lens-overdue);font-weight:600;}
.ok{color:var(--lens-ok);font-weight:600;}
.warning{font-weight:600;border-left:4px solid var(--lens-overdue);padding-left:6px;}
.options{max-width:960px;margin:0 auto;}
.options>header{padding:16px 16px 0;border-bottom:1px solid var(--lens-border);}
.options>header h1{font-size:20px;}
.tabs{list-style:none;display:flex;flex-wrap:wrap;gap:4px;margin:8px 0 0;padding:0;}
.tabs a{display:inline-block;padding:6px 12px;border-radius:6px 6px 0 0;text-decoration:none;font-weight:600;}
.tabs a:hover{text-decoration:underline;}
.tabs a[aria-current=page]{background:var(--lens-accent);color:var(--lens-accentFg);}
textarea,select{font:inherit;color:var(--lens-fg);background:var(--lens-bg);border:1px solid var(--lens-border);border-radius:6px;padding:4px 8px;}
textarea{width:100%;box-sizing:border-box;}
.badge{display:inline-block;font-size:12px;font-weight:600;border:1px solid var(--lens-fg);border-radius:10px;padding:0 8px;margin-inline-start:6px;vertical-align:middle;}
.managed-notice{margin:12px 16px 0;padding:8px 12px;border:1px solid var(--lens-border);border-inline-start:4px solid var(--lens-accent);}
fieldset{border:1px solid var(--lens-border);border-radius:6px;margin:12px 0;padding:8px 12px;}
legend{font-weight:600;padding:0 4px;}
.field{margin:6px 0;}
.preview{white-space:pre-wrap;font:inherit;border:1px solid var(--lens-border);border-radius:6px;padding:8px;}
.field-error{color:var(--lens-overdue);font-weight:600;font-size:13px;margin:2px 0;}
table{border-collapse:collapse;width:100%;} th,td{text-align:start;padding:6px;border-bottom:1px solid var(--lens-border);vertical-align:top;}
`;

/** Wires i18n, the document language and the shared styles, then renders a view into #app. */
export function mountPage(App: ComponentType, titleKey: string): void {
  wireI18n();
  document.documentElement.lang = browser.i18n.getUILanguage();
  document.title = t(titleKey);
  const style = document.createElement('style');
  style.textContent = baseCss(':root') + PAGE_CSS;
  document.head.append(style);
  const root = document.getElementById('app');
  if (root) render(h(App, {}), root);
}
