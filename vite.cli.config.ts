// CLI build: bundles src/cli/main.ts and its imports into one ESM file for Node 20.
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  build: {
    ssr: 'src/cli/main.ts',
    target: 'node20',
    outDir: 'dist/cli',
    emptyOutDir: true,
    copyPublicDir: false,
    minify: false,
    rolldownOptions: {
      external: [...builtinModules, ...builtinModules.map((name) => `node:${name}`)],
      output: { format: 'esm', entryFileNames: 'exchange-lens.js', codeSplitting: false },
    },
  },
  // Bundle every npm dependency so dist/cli/exchange-lens.js runs without node_modules.
  ssr: { target: 'node', noExternal: true },
});
