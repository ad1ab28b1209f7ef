// Entry point of the options page: wiring only.
import { mountPage } from '../ui/page';
import { OptionsApp } from './app';

mountPage(OptionsApp, 'options_title');
