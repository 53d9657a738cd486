import { defineConfig } from 'tsdown'

export default defineConfig([
  {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    platform: 'node',
    target: 'es2022',
    // `platform: 'node'` defaults to .mjs/.d.mts; package.json exports ./dist/index.js.
    fixedExtension: false,
    // import.meta.url (where migrations/ is) in the CommonJS build.
    shims: true,
    clean: true,
  },
  {
    // The `airudder-webhooks-postgres` bin: ESM only (top-level await), no types.
    entry: ['src/cli.ts'],
    format: ['esm'],
    dts: false,
    platform: 'node',
    target: 'es2022',
    fixedExtension: false,
    clean: false,
  },
])
