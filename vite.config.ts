/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  // Reached only from workers or lazy chunks: pre-bundle so the first dev load does not reload.
  optimizeDeps: { include: ['monaco-editor', 'monaco-yaml', '@monaco-editor/react'] },
  build: { chunkSizeWarningLimit: 4000, target: 'es2022' },
  preview: { port: Number(process.env.PORT ?? 4173), strictPort: true },
  server: { port: Number(process.env.PORT ?? 5173) },
  test: {
    include: ['src/**/*.test.ts', 'lessons/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    pool: 'threads',
    testTimeout: 60_000,
  },
})
