import { defineConfig } from 'vite';

// The LIFF page. Built into liff/dist and served by the app under /liff/ (index.html for every
// other /liff/* path, so deep links reload). `vite` (dev) proxies the API to a running service:
// ITA_API=http://127.0.0.1:3000 by default.
export default defineConfig({
  root: import.meta.dirname,
  base: '/liff/',
  // Preact's automatic JSX runtime through Vite's own transformer (no extra plugin).
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
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
        // Everything from node_modules except Preact, the fonts and the offline-only mock is the SDK's.
        codeSplitting: { groups: [{ name: 'liff-sdk', test: /node_modules[\\/](?!preact[\\/]|@line[\\/]liff-mock[\\/]|@fontsource[\\/])/ }] },
      },
    },
  },
  server: {
    port: Number(process.env.LIFF_DEV_PORT ?? 5173),
    proxy: { '/api': process.env.ITA_API ?? 'http://127.0.0.1:3000' },
  },
  preview: { proxy: { '/api': process.env.ITA_API ?? 'http://127.0.0.1:3000' } },
});
