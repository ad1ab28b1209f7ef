import type { StatuspageError } from '../../statuspage/types';
import { t } from '../../i18n/translate';

/** What a Statuspage failure means for the user, in their language, and what to do next. */
export function errorText(e: StatuspageError | { kind: 'already_resolved' }): string {
  switch (e.kind) {
    case 'auth':
      return t('rs_sp_err_auth');
    case 'not_found':
      return t('rs_sp_err_notFound');
    case 'validation':
      return t('rs_sp_err_validation', e.detail);
    case 'rate_limited':
      return t('rs_sp_err_rateLimited', String(e.retryAfterSeconds));
    case 'http':
      return t('rs_sp_err_http', String(e.status), e.detail);
    case 'network':
      return t('rs_sp_err_network');
    case 'timeout':
      return t('rs_sp_err_timeout', String(e.seconds));
    case 'bad_response':
      return t('rs_sp_err_badResponse');
    case 'not_connected':
      return t('rs_sp_err_notConnected');
    case 'bad_config':
      return t(`rs_sp_cfg_${e.detail}`);
    case 'already_resolved':
      return t('rs_err_alreadyResolved');
    case 'maybe_posted':
      return t('rs_sp_err_maybePosted', String(e.seconds));
    case 'no_public_title':
      return t('rs_sp_err_noPublicTitle');
    case 'never_published':
      return t('rs_sp_err_neverPublished');
  }
}
