import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(here, '../../dist/console');
/** Text files worth compressing; source maps are fetched only by developer tools. */
const COMPRESSED = /\.(js|css|html|json|svg)$/;

/**
 * Each text file of the build also as `.br` and `.gz` (best compression, once, at build time), which the
 * node sends to a browser that accepts them (console-static.ts): no compression on the request path.
 */
function precompress() {
  return {
    name: 'xb-precompress',
    apply: 'build',
    closeBundle() {
      const walk = (dir) =>
        fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
          const file = path.join(dir, entry.name);
          return entry.isDirectory() ? walk(file) : COMPRESSED.test(file) ? [file] : [];
        });
      for (const file of walk(outDir)) {
        const bytes = fs.readFileSync(file);
        fs.writeFileSync(
          `${file}.br`,
          zlib.brotliCompressSync(bytes, {
            params: {
              [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
              [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
            },
          }),
        );
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

// No React plugin: esbuild compiles TSX by itself (tsconfig `jsx: react-jsx`); the plugin would only add
// Fast Refresh for `vite dev`, at the price of Babel in the build.
export default defineConfig({
  root: here,
  base: '/',
  logLevel: 'warn',
  plugins: [precompress()],
  resolve: {
    // The API's response types (types only: nothing of it is in the bundle).
    alias: { '@xb/console-contract': path.resolve(here, '../../libs/console-contract/src') },
  },
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 600,
  },
  server: {
    // `npx vite --config apps/console/vite.config.mjs` against a node on XB_CONSOLE_API (default :3000).
    proxy: { '/api': process.env.XB_CONSOLE_API ?? 'http://127.0.0.1:3000' },
  },
});
