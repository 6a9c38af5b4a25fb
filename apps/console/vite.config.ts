// The console is a static single-page app: `vite` in development (proxying /api to a running
// jiesu server), `vite build` into dist/, which the jiesu server serves at `/` in production.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiTarget = process.env.JIESU_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  server: { port: 5173, proxy: { '/api': apiTarget } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Screens are split by route (React.lazy in app.tsx); Rollup shares what they have in common.
    // ECharts stays in the chunks of the screens that draw charts. The login page's budget
    // (< 300 KB transferred) is checked by the phone journey (console-phone.browser.test.ts).
    chunkSizeWarningLimit: 1200,
  },
});
