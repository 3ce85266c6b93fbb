// Extension build: `vite build --mode chrome` writes dist/chrome, `--mode firefox` writes dist/firefox.
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };

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
