// Entry point of the responder side panel (Chrome side panel, Firefox sidebar): wiring only.
import { mountPage } from '../ui/page';
import { SidepanelApp } from './app';
import { SIDEPANEL_CSS } from './styles';

const style = document.createElement('style');
style.textContent = SIDEPANEL_CSS;
document.head.append(style);
mountPage(SidepanelApp, 'rs_title');
