// The public portal is a static single-page app served by the jiesu server at /portal/: `vite` in
// development (proxying /api to a running server), `vite build` into dist/ for production.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiTarget = process.env.JIESU_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  base: '/portal/',
  plugins: [react()],
  server: { port: 5174, proxy: { '/api': apiTarget } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        manualChunks(id) {
          if (id.includes('echarts') || id.includes('zrender')) return 'charts';
          if (id.includes('node_modules')) return 'vendor';
          return undefined;
        },
      },
    },
  },
});
