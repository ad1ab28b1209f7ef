import { css } from 'lit';
import { palette } from '../palette';

/**
 * Severity colours, light then dark; every pair is WCAG AA (checked in e2e by axe): text ≥ 10:1,
 * accent ≥ 4:1 against the background.
 */
const COLORS = palette({
  critical: { bg: ['#fee', '#411'], fg: ['#511', '#fdd'], accent: ['#c22', '#f66'] },
  major: { bg: ['#fed', '#321'], fg: ['#620', '#fdc'], accent: ['#b41', '#f94'] },
  minor: { bg: ['#ffd', '#332a06'], fg: ['#4d3900', '#fea'], accent: ['#970', '#eb3'] },
  maintenance: { bg: ['#eef', '#124'], fg: ['#036', '#d8e6ff'], accent: ['#16c', '#6af'] },
});

/**
 * `.box` starts from `all: initial` so that no inherited host-page style (font, colour, spacing,
 * text-transform, visibility) reaches inside; `direction` is kept, so RTL works. Optional custom
 * properties have no fallback where the property's initial value is the default (an unset
 * `var()` computes to it).
 */
export const styles = [
  COLORS,
  css`
    :host {
      display: block;
    }
    :host([hidden]) {
      display: none;
    }
    .region {
      inset-inline: 0;
      z-index: var(--incident-banner-z-index, 2147483000);
    }
    :host([position='top']) .region {
      position: fixed;
      top: 0;
    }
    :host([position='bottom']) .region {
      position: fixed;
      bottom: 0;
    }
    .box {
      all: initial;
      display: flex;
      gap: 0.75em;
      align-items: flex-start;
      padding: var(--incident-banner-padding, 0.75em 1em);
      background: var(--incident-banner-background, var(--_bg));
      color: var(--incident-banner-color, var(--_fg));
      border-inline-start: 4px solid var(--incident-banner-accent, var(--_accent));
      border-radius: var(--incident-banner-border-radius);
      box-shadow: var(--incident-banner-shadow);
      font: var(--incident-banner-font-size, 14px) / 1.45
        var(--incident-banner-font-family, system-ui, sans-serif);
      overflow-wrap: anywhere;
    }
    @media (prefers-reduced-motion: no-preference) {
      .box {
        animation: in 0.2s;
      }
    }
    @keyframes in {
      from {
        opacity: 0;
      }
    }
    .content {
      flex: 1;
      min-width: 0;
      max-width: var(--incident-banner-max-width);
      margin-inline: auto;
    }
    p {
      margin: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.25em 0.6em;
      align-items: baseline;
    }
    [part='severity'] {
      font-size: 0.8em;
      font-weight: 700;
      text-transform: uppercase;
      letter-spacing: 0.04em;
    }
    [part='status']::before {
      content: '· ';
    }
    [part='status']:empty {
      display: none;
    }
    [part='body'] {
      display: block;
      margin-block: 0.25em;
      white-space: pre-line;
    }
    [part='meta'] {
      gap: 0.25em 0.9em;
      align-items: center;
      font-size: 0.9em;
    }
    a {
      color: inherit;
    }
    button {
      all: unset;
      border: 1px solid;
      border-radius: 4px;
      padding: 0 0.5em;
      cursor: pointer;
      line-height: 1.6;
    }
    .box > button {
      border-color: transparent;
      font-size: 1.3em;
      line-height: 1;
      padding: 0.1em 0.35em;
    }
    :focus-visible {
      outline: 2px solid;
      outline-offset: 2px;
    }
    @media (forced-colors: active) {
      .box {
        border: 1px solid CanvasText;
      }
    }
  `,
];
