// Options page (extension page, in the add-ons settings or a tab): settings; reads and writes
// storage and host permissions, talks to no other context.
import { render } from 'preact';
import { browserOptionsServices } from './browser-services.ts';
import { OptionsPage } from './options-page.tsx';
import '../ui/base.css';
import './options.css';

const root = document.getElementById('root');
if (root) render(<OptionsPage services={browserOptionsServices(location.search)} />, root);
