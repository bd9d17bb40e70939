import { defineConfig } from 'vite';
import { resolve } from 'node:path';

// The embed script a host page includes with one <script src=".../widget.js"> tag: one classic (IIFE) file,
// no imports, so that any site can load it.
export default defineConfig({
  build: {
    outDir: resolve(__dirname, '../../../target/classes/META-INF/resources'),
    emptyOutDir: false,
    lib: {
      entry: resolve(__dirname, 'src/loader/widget-loader.ts'),
      name: 'LivechatWidget',
      formats: ['iife'],
      fileName: () => 'widget.js',
    },
  },
});
