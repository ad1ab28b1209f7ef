import { css, palette } from '../element';

/**
 * The badge surface (`background text border`) and the dot per indicator (hex without `#`), light
 * then dark; each dot is ≥ 4.5:1 against its badge background. Each class sets private tokens
 * (`--_b --_f --_a`, `--_d`) and their dark twins (`--_B --_F --_A`, `--_D`); see palette().
 */
const COLORS =
  palette('bfa', 'r fff 222 cdd 161b22 eee 444') +
  palette(
    'd',
    'none 1a7f37 3b5,minor 960 c92,major b40 e84,critical c23 f77,maintenance 16d 5af,unknown 678 899',
  );

/** `.b` and `.t` start from `all: initial`: no inherited host-page style reaches inside. */
export const styles = css`
  :host {
    display: inline-block;
  }
  :host([hidden]) {
    display: none;
  }
  .r {
    position: relative;
    display: inline-block;
    vertical-align: middle;
  }
  ${COLORS}
  .b,
  .t {
    all: initial;
    background: var(--status-badge-background, var(--_b));
    color: var(--status-badge-color, var(--_f));
    border: 1px solid var(--status-badge-border-color, var(--_a));
    font: var(--status-badge-font-size, 13px) / 1.4
      var(--status-badge-font-family, system-ui, sans-serif);
  }
  .b {
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
  [href]:hover .l {
    text-decoration: underline;
  }
  .d {
    flex: none;
    width: 0.625em;
    height: 0.625em;
    border-radius: 50%;
    background: var(--status-badge-dot-color, var(--_d));
    forced-color-adjust: none;
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
  }
  .t {
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
  .r:hover .t,
  .b:focus-visible + .t,
  .t > span {
    display: block;
  }
  ul {
    margin: 0.2em 0 0;
    padding-inline-start: 1.2em;
  }
`;
