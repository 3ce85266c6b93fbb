// Extension build: `vite build --mode chrome` writes dist/chrome, `--mode firefox` writes dist/firefox.
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };

/** The MAIN-world wrapper as the built file names it (crxjs writes standalone files there). */
const PAGE_SCRIPT = 'src/page/main-world.js';

/**
 * Names the wrapper's script in Chromium with a //# sourceURL outside chrome-extension://.
 * Chromium hands every console message whose top frame is an extension script to the extension
 * error console with a full stack trace; a send() on a closed socket logs one per call through
 * our trap, which made it four times slower than without the extension. The name also keeps the
 * extension's id out of the stack frames a page can still see (see README).
 */
function nameWrapperScript(): Plugin {
  return {
    name: 'exchange-lens:name-wrapper-script',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const script = bundle[PAGE_SCRIPT];
      if (script?.type !== 'asset') throw new Error(`${PAGE_SCRIPT} was not built`);
      script.source = `${String(script.source)}\n//# sourceURL=exchange-lens://page-wrapper.js\n`;
    },
  };
}

export default defineConfig(({ mode }) => {
  const browser = mode === 'firefox' ? 'firefox' : 'chrome';
  // package.json is the one source of the version; manifest.json carries everything else. crxjs
  // keeps the background key of the target browser (service_worker or scripts) and drops the other.
  // The cast only narrows JSON's widened strings (e.g. "none") to crxjs's literal unions.
  const withVersion = { ...manifest, version: pkg.version } as ManifestV3Export;
  return {
    plugins: [
      preact(),
      crx({
        manifest: withVersion,
        browser,
        // Self-contained IIFE bundles instead of crxjs's dynamic-import loaders: the MAIN-world
        // wrapper must run at document_start before the page's scripts (a loader runs late in
        // Chromium and is blocked in Firefox), and the relay must shake hands before them too.
        contentScripts: { standaloneFiles: ['src/page/main-world.ts', 'src/content/relay.ts'] },
      }),
      ...(browser === 'chrome' ? [nameWrapperScript()] : []),
    ],
    build: {
      outDir: `dist/${browser}`,
      emptyOutDir: true,
      rolldownOptions: {
        // The panel is opened by devtools.panels.create, not named in the manifest, so crxjs
        // would not build it on its own.
        input: { panel: 'src/panel/index.html' },
      },
    },
  };
});
