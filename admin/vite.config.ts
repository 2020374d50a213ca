import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The admin console, served by the kexie server under /admin. In development
 * (`npm run admin:dev`) Vite serves it and forwards /api to a running kexie.
 */
export default defineConfig({
  root,
  base: '/admin/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Ant Design is large; each page loads only the parts it uses.
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.KEXIE_API ?? 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
