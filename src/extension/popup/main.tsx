// Entry point of the toolbar popup: wiring only.
import { mountPage } from '../ui/page';
import { PopupApp } from './app';

mountPage(PopupApp, 'popup_title');
