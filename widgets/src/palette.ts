import { unsafeCSS, type CSSResult } from 'lit';

/** One colour token in the light and the dark scheme (CSS colours). */
export type Swatch = readonly [light: string, dark: string];

/**
 * Private colour tokens per class, e.g. `palette({ critical: { bg: ['#fee', '#411'] } })` gives
 * `.critical { --_bg: #fee }`, and the dark colour where the dark scheme applies: under
 * `prefers-color-scheme: dark` unless `theme="light"`, and always with `theme="dark"`.
 */
export function palette(classes: Record<string, Record<string, Swatch>>): CSSResult {
  const rules = (pick: 0 | 1, prefix: string) =>
    Object.entries(classes)
      .map(([name, tokens]) => {
        const declarations = Object.entries(tokens).map(
          ([token, swatch]) => `--_${token}: ${swatch[pick]};`,
        );
        return `${prefix}.${name} { ${declarations.join(' ')} }`;
      })
      .join('\n');
  const light = rules(0, '');
  const dark = rules(1, ':host([theme="dark"]) ');
  const darkByScheme = rules(1, ':host(:not([theme="light"])) ');
  return unsafeCSS(`${light}\n${dark}\n@media (prefers-color-scheme: dark) {\n${darkByScheme}\n}`);
}
