import { describe, expect, it } from 'vitest';
import { toMarkdown, toPlainText } from './copy';

describe('copy helpers', () => {
  it('plain text normalises line endings, trailing spaces and blank runs', () => {
    expect(toPlainText('a  \r\nb\r\n\r\n\r\n\r\nc\n')).toBe('a\nb\n\nc');
  });

  it('markdown escapes syntax and keeps line breaks', () => {
    expect(toMarkdown('Next update: *soon* <b>\n- not a list\n\n1. not a list')).toBe(
      'Next update: \\*soon\\* \\<b\\>  \n\\- not a list\n\n1\\. not a list',
    );
  });
});
