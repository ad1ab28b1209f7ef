import { css } from 'lit';
import { palette } from '../palette';

/**
 * The badge surface (background, text, border) and the dot per indicator, light then dark; each
 * dot is ≥ 4.5:1 against its badge background.
 */
const SURFACE = palette({
  surface: { bg: ['#fff', '#161b22'], fg: ['#222', '#eee'], border: ['#cdd', '#444'] },
});
const DOTS = palette({
  none: { dot: ['#1a7f37', '#3b5'] },
  minor: { dot: ['#960', '#c92'] },
  major: { dot: ['#b40', '#e84'] },
  critical: { dot: ['#c23', '#f77'] },
  maintenance: { dot: ['#16d', '#5af'] },
  unknown: { dot: ['#678', '#899'] },
});

/** `.badge` and `.tooltip` start from `all: initial`: no inherited host-page style reaches inside. */
export const styles = [
  SURFACE,
  DOTS,
  css`
    :host {
      display: inline-block;
    }
    :host([hidden]) {
      display: none;
    }
    .root {
      position: relative;
      display: inline-block;
      vertical-align: middle;
    }
    .badge,
    .tooltip {
      all: initial;
      background: var(--status-badge-background, var(--_bg));
      color: var(--status-badge-color, var(--_fg));
      border: 1px solid var(--status-badge-border-color, var(--_border));
      font: var(--status-badge-font-size, 13px) / 1.4
        var(--status-badge-font-family, system-ui, sans-serif);
    }
    .badge {
      display: inline-flex;
      align-items: center;
      gap: 0.45em;
      padding: var(--status-badge-padding, 0.2em 0.75em);
      border-radius: var(--status-badge-border-radius, 999px);
      white-space: nowrap;
    }
    [href] {
      cursor: pointer;
    }
    :focus-visible {
      outline: 2px solid;
      outline-offset: 2px;
    }
    [href]:hover .label {
      text-decoration: underline;
    }
    .dot {
      flex: none;
      width: 0.625em;
      height: 0.625em;
      border-radius: 50%;
      background: var(--status-badge-dot-color, var(--_dot));
      forced-color-adjust: none;
    }
    :host([compact]) .badge {
      padding: var(--status-badge-padding, 0.4em);
    }
    :host([compact]) .label {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    .tooltip {
      display: none;
      position: absolute;
      z-index: 1;
      top: calc(100% + 4px);
      inset-inline-start: 0;
      min-width: 12em;
      max-width: 24em;
      padding: 0.4em 0.6em;
      border-radius: 6px;
      overflow-wrap: anywhere;
      box-shadow: 0 2px 8px #0003;
    }
    .root:hover .tooltip,
    .badge:focus-visible + .tooltip,
    .tooltip > span {
      display: block;
    }
    ul {
      margin: 0.2em 0 0;
      padding-inline-start: 1.2em;
    }
  `,
];
