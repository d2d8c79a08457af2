import solid from 'vite-plugin-solid';
import { defineConfig } from 'vitest/config';

const serverPort = Number(process.env.PORT ?? 3000);

export default defineConfig({
  root: 'client',
  publicDir: 'public',
  plugins: [solid()],
  // The manifest lets bench/bundle.ts tell the first page's files from the lazy chunks.
  build: { outDir: '../dist/client', emptyOutDir: true, target: 'es2022', manifest: true },
  server: {
    port: 5173,
    proxy: {
      '/api': `http://localhost:${serverPort}`,
      '/socket.io': { target: `ws://localhost:${serverPort}`, ws: true },
    },
  },
  test: {
    root: '.',
    // vite-plugin-solid asks for jsdom; our tests run in node and in real Chromium instead.
    environment: 'node',
    projects: [
      {
        test: { name: 'domain', root: '.', include: ['domain/**/*.test.ts'], environment: 'node' },
      },
      {
        test: {
          name: 'server',
          root: '.',
          include: ['server/**/*.test.ts', 'client/**/*.test.ts', 'bench/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          root: '.',
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
