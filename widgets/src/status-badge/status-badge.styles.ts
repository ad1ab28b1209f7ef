import { css, unsafeCSS } from 'lit';

/** Dot colours per indicator: light and dark; each is ≥ 3:1 against its badge background. */
const DOTS = {
  none: ['#1a7f37', '#3fb950'],
  minor: ['#9a6700', '#d29922'],
  major: ['#bc4c00', '#f0883e'],
  critical: ['#cf222e', '#ff7b72'],
  maintenance: ['#0969da', '#58a6ff'],
  unknown: ['#6e7781', '#8b949e'],
};
const dots = (i: 0 | 1, pre = '') =>
  Object.entries(DOTS)
    .map(([k, c]) => `${pre} .${k}{--_sdot:${c[i]}}`)
    .join('');
const dark = '--_sbg:#161b22;--_sfg:#e6edf3;--_sbd:#3d444d';

export const styles = css`
  :host {
    display: inline-block;
  }
  :host([hidden]) {
    display: none;
  }
  .r {
    --_sbg: #fff;
    --_sfg: #1f2328;
    --_sbd: #d1d9e0;
    position: relative;
    display: inline-block;
    vertical-align: middle;
  }
  ${unsafeCSS(dots(0))}
  @media (prefers-color-scheme: dark) {
    ${unsafeCSS(`:host(:not([theme=light])) .r{${dark}}` + dots(1, ':host(:not([theme=light]))'))}
  }
  ${unsafeCSS(`:host([theme=dark]) .r{${dark}}` + dots(1, ':host([theme=dark])'))}
  .b,
  .t {
    --_bg: var(--status-badge-background, var(--_sbg));
    --_fg: var(--status-badge-color, var(--_sfg));
    --_bd: var(--status-badge-border-color, var(--_sbd));
    box-sizing: border-box;
    background: var(--_bg);
    color: var(--_fg);
    border: 1px solid var(--_bd);
    font: 400 var(--status-badge-font-size, 13px) / 1.4
      var(--status-badge-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    text-align: start;
    text-transform: none;
    text-indent: 0;
    text-shadow: none;
    letter-spacing: normal;
    word-spacing: normal;
    visibility: visible;
  }
  .b {
    display: inline-flex;
    align-items: center;
    gap: 0.45em;
    margin: 0;
    padding: var(--status-badge-padding, 0.2em 0.75em);
    border-radius: var(--status-badge-border-radius, 999px);
    text-decoration: none;
    white-space: nowrap;
  }
  .b:focus-visible {
    outline: 2px solid var(--_fg);
    outline-offset: 2px;
  }
  a.b:hover .l {
    text-decoration: underline;
  }
  .d {
    flex: none;
    width: 0.625em;
    height: 0.625em;
    border-radius: 50%;
    background: var(--status-badge-dot-color, var(--_sdot));
  }
  :host([compact]) .b {
    padding: var(--status-badge-padding, 0.4em);
  }
  :host([compact]) .l {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .t {
    display: none;
    position: absolute;
    z-index: 1;
    inset-block-start: calc(100% + 4px);
    inset-inline-start: 0;
    min-width: 12em;
    max-width: 24em;
    padding: 0.4em 0.6em;
    border-radius: 6px;
    white-space: normal;
    overflow-wrap: anywhere;
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.2);
  }
  .r:hover .t,
  .b:focus-visible + .t {
    display: block;
  }
  .t > span {
    display: block;
  }
  ul {
    margin: 0.2em 0 0;
    padding-inline-start: 1.2em;
  }
  @media (forced-colors: active) {
    .d {
      forced-color-adjust: none;
    }
  }
`;
