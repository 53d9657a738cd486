import { defineConfig, library } from '../../tsdown.base'

export default defineConfig([
  // shims: import.meta.url (where migrations/ is) in the CommonJS build.
  library({ platform: 'node', shims: true }),
  // The `airudder-webhooks-postgres` bin: ESM only (top-level await), no types.
  library({ entry: ['src/cli.ts'], format: ['esm'], dts: false, platform: 'node', clean: false }),
])
