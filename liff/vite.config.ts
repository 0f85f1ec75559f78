import { defineConfig, type Plugin } from 'vite';

// The LIFF page. Built into liff/dist and served by the app under /liff/ (index.html for every
// other /liff/* path, so deep links reload). `vite` (dev) proxies the API to a running service:
// ITA_API=http://127.0.0.1:3000 by default.
export default defineConfig({
  root: import.meta.dirname,
  base: '/liff/',
  // Preact's automatic JSX runtime through Vite's own transformer (no extra plugin).
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  plugins: [offlinePreload()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    // LINE's in-app browsers are current WebViews: no polyfill, no inline script (CSP).
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    reportCompressedSize: false,
    rolldownOptions: {
      output: {
        // The LIFF SDK in a chunk of its own: cached across page releases, and measured apart
        // (npm run bench:liff prints the page's own JavaScript and the SDK's share).
        // Everything from node_modules except Preact, the fonts and the offline-only mock is the SDK's;
        // the mock is a chunk of its own too (fetched offline only; see offlinePreload).
        codeSplitting: {
          groups: [
            { name: 'liff-mock', test: /node_modules[\\/]@line[\\/]liff-mock[\\/]/ },
            { name: 'liff-sdk', test: /node_modules[\\/](?!preact[\\/]|@line[\\/]liff-mock[\\/]|@fontsource[\\/])/ },
          ],
        },
      },
    },
  },
  server: {
    port: Number(process.env.LIFF_DEV_PORT ?? 5173),
    proxy: { '/api': process.env.ITA_API ?? 'http://127.0.0.1:3000' },
  },
  preview: { proxy: { '/api': process.env.ITA_API ?? 'http://127.0.0.1:3000' } },
});

/**
 * Offline the page always runs on @line/liff-mock, which it imports only then (session.ts). Left
 * to that import, the chunk is asked for only once the main module runs: one more round trip in
 * series. The build writes its modulepreload into index.html inside a marked comment; the server
 * uncomments it in offline mode only (src/modules/liff-api/liff.page.ts), so offline the mock
 * arrives with the other scripts and with LINE credentials nobody fetches it.
 */
function offlinePreload(): Plugin {
  return {
    name: 'ita-offline-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const mock = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.name === 'liff-mock');
        if (!mock) throw new Error('the @line/liff-mock chunk is missing from the build');
        return html.replace('</head>', `  <!--ita-offline <link rel="modulepreload" crossorigin href="/liff/${mock.fileName}"> -->\n  </head>`);
      },
    },
  };
}
