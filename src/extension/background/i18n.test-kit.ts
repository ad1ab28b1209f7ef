// Unit tests of background code see the real English strings, as the extension shows them.
import { messagesSource, setMessageSource } from '../i18n/translate';
import en from '../../../public/_locales/en/messages.json';

setMessageSource(messagesSource(en), 'en');
