import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The dev server forwards API, health and tile requests to a local Gridwarden server.
const apiTarget = 'http://localhost:4000';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/graphql': apiTarget,
      '/healthz': apiTarget,
      '/config.json': apiTarget,
      '/tiles': apiTarget,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // maplibre-gl is ~1 MB minified and changes rarely: its own chunk caches across releases.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'maplibre', test: /node_modules[\\/]maplibre-gl/ },
            // the panels' Ant Design and its rc-components and icons: released on their own cadence
            {
              name: 'antd',
              test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[\w-]+)[\\/]/,
            },
            { name: 'vendor', test: /node_modules/ },
          ],
        },
      },
    },
  },
});
