import { css, unsafeCSS } from 'lit';

/** Severity colours: [background, text, accent]; every pair is WCAG AA (checked in e2e by axe). */
const LIGHT = {
  critical: ['#fdecea', '#5c0b0b', '#c5221f'],
  major: ['#fff0e3', '#5e2600', '#c2410c'],
  minor: ['#fff8d6', '#4d3900', '#a17800'],
  maintenance: ['#e8f0fe', '#0d2f66', '#1a5fd0'],
};
const DARK = {
  critical: ['#3d1010', '#ffdad6', '#ff6b61'],
  major: ['#3b2210', '#ffe2cc', '#ff9a4d'],
  minor: ['#332a06', '#fff0b3', '#e6c13d'],
  maintenance: ['#0e2447', '#d8e6ff', '#6ea3ff'],
};

const palette = (p: typeof LIGHT, pre = '') =>
  Object.entries(p)
    .map(([k, [bg, fg, ac]]) => `${pre} .${k}{--_sbg:${bg};--_sfg:${fg};--_sac:${ac}}`)
    .join('');

export const styles = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  ${unsafeCSS(palette(LIGHT))}
  @media (prefers-color-scheme: dark) {
    ${unsafeCSS(palette(DARK, ':host(:not([theme=light]))'))}
  }
  ${unsafeCSS(palette(DARK, ':host([theme=dark])'))}
  :host([position='top']) .w,
  :host([position='bottom']) .w {
    position: fixed;
    inset-inline: 0;
    z-index: var(--incident-banner-z-index, 2147483000);
  }
  :host([position='top']) .w {
    top: 0;
  }
  :host([position='bottom']) .w {
    bottom: 0;
  }
  .b {
    --_bg: var(--incident-banner-background, var(--_sbg));
    --_fg: var(--incident-banner-color, var(--_sfg));
    --_ac: var(--incident-banner-accent, var(--_sac));
    display: flex;
    gap: 0.75em;
    align-items: flex-start;
    box-sizing: border-box;
    margin: 0;
    padding: var(--incident-banner-padding, 0.75em 1em);
    background: var(--_bg);
    color: var(--_fg);
    border: 0;
    border-inline-start: 4px solid var(--_ac);
    border-radius: var(--incident-banner-border-radius, 0);
    box-shadow: var(--incident-banner-shadow, none);
    font: 400 var(--incident-banner-font-size, 14px) / 1.45
      var(--incident-banner-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    text-align: start;
    text-transform: none;
    text-indent: 0;
    text-shadow: none;
    letter-spacing: normal;
    word-spacing: normal;
    white-space: normal;
    overflow-wrap: anywhere;
    visibility: visible;
  }
  @media (prefers-reduced-motion: no-preference) {
    .b {
      animation: in 0.2s ease-out;
    }
  }
  @keyframes in {
    from {
      opacity: 0;
    }
  }
  .c {
    flex: 1;
    min-width: 0;
    max-width: var(--incident-banner-max-width, none);
    margin-inline: auto;
  }
  p {
    margin: 0;
  }
  .h {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.6em;
    align-items: baseline;
  }
  .sv {
    font-size: 0.8em;
    font-weight: 700;
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }
  strong {
    font-weight: 700;
  }
  .st::before {
    content: '· ';
  }
  .st:empty {
    display: none;
  }
  .bd {
    margin-block: 0.25em;
    white-space: pre-line;
  }
  .m {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.9em;
    align-items: center;
    font-size: 0.9em;
  }
  a {
    color: inherit;
    text-decoration: underline;
  }
  button {
    font: inherit;
    color: inherit;
    background: transparent;
    border: 1px solid currentColor;
    border-radius: 4px;
    padding: 0 0.5em;
    margin: 0;
    cursor: pointer;
    line-height: 1.6;
  }
  .x {
    border-color: transparent;
    font-size: 1.3em;
    line-height: 1;
    padding: 0.1em 0.35em;
  }
  a:focus-visible,
  button:focus-visible {
    outline: 2px solid currentColor;
    outline-offset: 2px;
  }
  @media (forced-colors: active) {
    .b {
      border: 1px solid CanvasText;
    }
  }
`;
