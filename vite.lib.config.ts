// Library build: bundles src/lib/index.ts (the pure core's public API) into one ESM file,
// dist/lib/exchange-lens.js, for `import { detect, explain, sign } from 'exchange-lens'`.
// Its declarations are emitted beside it by tsconfig.lib.json (npm run build:lib).
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  build: {
    lib: { entry: 'src/lib/index.ts', formats: ['es'], fileName: () => 'exchange-lens.js' },
    target: 'es2022',
    outDir: 'dist/lib',
    emptyOutDir: true,
    copyPublicDir: false,
    minify: false,
  },
});
