/** "Copy as text" / "copy as Markdown" for drafted messages. */

/**
 * Markdown for a plain-text message: characters Markdown would interpret are escaped so the text
 * reads the same when pasted into a Markdown field, and single line breaks are kept as hard breaks.
 */
export function toMarkdown(text: string): string {
  return normalise(text)
    .split('\n')
    .map((line) =>
      line
        .replace(/([\\`*_[\]<>#|~])/g, '\\$1')
        .replace(/^(\s*)([-+])(\s)/, '$1\\$2$3')
        .replace(/^(\s*\d+)\.(\s)/, '$1\\.$2'),
    )
    .join('  \n')
    .replace(/ {2}\n {2}\n/g, '\n\n');
}

/** Plain text: line endings normalised, trailing spaces and surplus blank lines removed. */
export function toPlainText(text: string): string {
  return normalise(text);
}

function normalise(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
