// The reading room's build: `npm run web:build` type-checks web/ and bundles it into web/dist, which
// the service serves at `/`. Everything is bundled: the page loads nothing from another host.
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/',
  // Preact's JSX, without a plugin (the preset's dev tooling brings Babel; the build does not need it).
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // No source maps in the served folder: the sources are in the repository.
    sourcemap: false,
    reportCompressedSize: true,
  },
  server: { proxy: { '/graphql': 'http://localhost:4000' } },
  logLevel: 'warn',
});
