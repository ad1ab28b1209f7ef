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
  if ((m = /^(?:This|The response) is not a status feed: (.*?)\.?$/.exec(error)))
    return t('srcerr_notFeedWhy', problemText(m[1]!));
  if (/^This is not a (Statuspage-compatible|status) feed/.test(error)) return t('srcerr_notFeed');
  if (/^The server answered 304 to a plain request/.test(error)) return t('srcerr_304');
  if ((m = /^The feed redirected to another origin \(([^)]*)\)/.exec(error)))
    return t('srcerr_redirectOrigin', m[1]!);
  if (/^The feed answered with a redirect, and the browser does not say where/.test(error))
    return t('srcerr_redirectHidden');
  if ((m = /^The feed redirected more than (\d+) times/.exec(error)))
    return t('srcerr_redirectLoop', m[1]!);
  if (/^The poll's result could not be saved/.test(error)) return t('srcerr_notSaved');
  if (/^This source no longer exists/.test(error)) return t('srcerr_gone');
  if ((m = /^No answer within (\d+) s/.exec(error))) return t('srcerr_timeout', m[1]!);
  if (/^The request failed/.test(error)) return t('srcerr_failed');
  if (/^The response is too large/.test(error)) return t('srcerr_tooLarge');
  return error;
}

/** The core's words for why an answer is not a feed (core/feed/problems.ts, formats/describe.ts). */
function problemText(why: string): string {
  let m: RegExpMatchArray | null;
  if ((m = /^not valid JSON \((.*)\)$/.exec(why))) return t('srcerr_why_json', m[1]!);
  if (/^markup that is not an Atom or RSS feed/.test(why)) return t('srcerr_why_html');
  if (/^not a known status feed/.test(why)) return t('srcerr_why_unknown');
  if ((m = /^not (?:an? )?(.+?) payload/.exec(why))) return t('srcerr_why_format', m[1]!);
  if (/^it has no incidents, components or status/.test(why)) return t('srcerr_why_empty');
  return why;
}
