import { defineConfig } from 'tsdown'

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  platform: 'node',
  target: 'es2022',
  // `platform: 'node'` defaults to .mjs/.d.mts; package.json exports ./dist/index.js.
  fixedExtension: false,
  clean: true,
})
