// devtools_page (extension world inside DevTools): talks to DevTools only, to add the panel.
import browser from 'webextension-polyfill';

const PANEL_TITLE = 'Exchange Lens';

// Absolute paths: Firefox resolves relative ones from this page, not from the extension root.
void browser.devtools.panels.create(PANEL_TITLE, '/icons/icon-32.png', '/src/panel/index.html');
