import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

// No React plugin: esbuild compiles TSX by itself (tsconfig `jsx: react-jsx`); the plugin would only add
// Fast Refresh for `vite dev`, at the price of Babel in the build.
export default defineConfig({
  root: here,
  base: '/',
  logLevel: 'warn',
  build: {
    outDir: path.resolve(here, '../../dist/console'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 600,
  },
  server: {
    // `npx vite --config apps/console/vite.config.mjs` against a node on XB_CONSOLE_API (default :3000).
    proxy: { '/api': process.env.XB_CONSOLE_API ?? 'http://127.0.0.1:3000' },
  },
});
