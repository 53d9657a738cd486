import { defineConfig } from 'tsdown'

// `cli` is the binary (its shebang is kept); `index` is the programmatic API (`run`, JSON Schemas).
export default defineConfig({
  entry: { cli: 'src/cli.ts', index: 'src/index.ts' },
  format: ['esm'],
  dts: true,
  platform: 'node',
  target: 'node20',
  clean: true,
  fixedExtension: false,
})
