import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { resolve } from 'node:path';

// The pages are written straight into the gateway's classpath (META-INF/resources), where Quarkus serves them:
// /agent/ is the agent desktop, /console/ the supervisor console, /admin/ the administration console, /chat/ the
// customer chat that the widget loader (/widget.js) opens in an iframe.
// The Maven build runs this after process-resources (see build.sh); emptyOutDir stays false because the
// same folder holds the files of src/main/resources.
// Each page keeps its own <page>/index.html although the four are the same shell (charset, viewport, #app, one
// module script): in a Vite multi-page build an HTML file is both the entry and the page's URL (/console/ is built
// from console/index.html, and the dev server serves that file from disk), so sharing one shell would need a
// plugin that makes virtual HTML for the build and the dev server, more code than the twelve lines it saves. Only
// the script and the fallback <title> differ; each page sets its translated title itself (its main.tsx).
export default defineConfig({
  plugins: [preact()],
  base: '/',
  build: {
    outDir: resolve(__dirname, '../../../target/classes/META-INF/resources'),
    emptyOutDir: false,
    assetsDir: 'assets',
    rollupOptions: {
      input: {
        agent: resolve(__dirname, 'agent/index.html'),
        chat: resolve(__dirname, 'chat/index.html'),
        admin: resolve(__dirname, 'admin/index.html'),
        console: resolve(__dirname, 'console/index.html'),
      },
    },
  },
  test: {
    globals: true,
    environment: 'jsdom',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
  },
});
