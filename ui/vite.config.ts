/// <reference types="vitest/config" />
// Vite + Vitest configuration for the Gatehouse UI (root: ui/, output: ui/dist).
// The Tauri shell loads the dev server on port 1420 and the built files from ui/dist.
import { fileURLToPath } from 'node:url';
import { defineConfig, loadEnv, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * `virtual:gatehouse-fake-ipc` is the dev-only fake core (src/lib/ipc.fake.ts) when
 * VITE_FAKE_IPC=1, and `null` otherwise: builds and tests never contain the fake.
 */
function fakeIpc(enabled: boolean): Plugin {
  const id = 'virtual:gatehouse-fake-ipc';
  return {
    name: 'gatehouse:fake-ipc',
    enforce: 'pre',
    resolveId(source) {
      if (source !== id) return null;
      return enabled ? fileURLToPath(new URL('./src/lib/ipc.fake.ts', import.meta.url)) : `\0${id}`;
    },
    load(resolved) {
      return resolved === `\0${id}` ? 'export const fakeInvoke = null;' : null;
    },
  };
}

export default defineConfig(({ mode }) => ({
  root,
  plugins: [react(), fakeIpc(loadEnv(mode, root, 'VITE_').VITE_FAKE_IPC === '1' && mode !== 'production')],
  clearScreen: false,
  envPrefix: ['VITE_', 'TAURI_ENV_'],
  server: {
    port: 1420,
    strictPort: true,
    // Rust sources change under src-tauri/ all the time; they are not ours to reload on.
    watch: { ignored: ['**/src-tauri/**'] },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
  },
  test: {
    root,
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    // Whole-app renders with typing are slow on a loaded CI machine (2 cores shared with cargo).
    testTimeout: 30000,
  },
}));
