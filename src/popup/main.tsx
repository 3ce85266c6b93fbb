// Popup (extension page behind the toolbar button): quick error lookup; reads storage only.
import { render } from 'preact';
import { browserPopupServices } from './browser-services.ts';
import { Popup } from './popup.tsx';
import '../ui/base.css';
import './popup.css';

const root = document.getElementById('root');
if (root) render(<Popup services={browserPopupServices()} />, root);
