import { t } from '../../i18n/translate';
import { parseRefusal } from '../refusals';

/**
 * A source error in the UI language. The worker words its errors in English (they are stored and
 * exported); the common ones are recognised here and said in the agent's language, the rest shown
 * as they are (issue 19, item 13).
 */
export function sourceErrorText(error: string): string {
  const refusal = parseRefusal(error);
  if (refusal?.kind === 'duplicate') return t('source_duplicate', refusal.name);
  if (refusal?.kind === 'feed') return t('source_refused', sourceErrorText(refusal.detail));
  let m: RegExpMatchArray | null;
  if ((m = /^The server answered HTTP (\d{3})/.exec(error))) return t('srcerr_http', m[1]!);
  if ((m = /^The response is not JSON \((.*)\)\.?$/.exec(error))) return t('srcerr_notJson', m[1]!);
  if (/^This is not a (Statuspage-compatible|status) feed/.test(error)) return t('srcerr_notFeed');
  if ((m = /^No answer within (\d+) s/.exec(error))) return t('srcerr_timeout', m[1]!);
  if (/^The request failed/.test(error)) return t('srcerr_failed');
  if (/^The response is too large/.test(error)) return t('srcerr_tooLarge');
  return error;
}
