// Options page (extension page, in the add-ons settings or a tab): settings; reads and writes
// storage and host permissions, talks to no other context.
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { captureScripts } from '../core/sites/content-scripts.ts';
import { extensionStorage } from '../storage/browser-storage.ts';
import { OptionsPage } from './options-page.tsx';
import type { OptionsServices } from './options-services.ts';

const grant = new URLSearchParams(location.search).get('grant');
const services: OptionsServices = {
  storage: extensionStorage(),
  permissions: browser.permissions,
  builtInPatterns: captureScripts(browser.runtime.getManifest()).builtIn,
  ...(grant ? { grantRequest: grant } : {}),
};

const root = document.getElementById('root');
if (root) render(<OptionsPage services={services} />, root);
