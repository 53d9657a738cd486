import { defineConfig, library } from '../../tsdown.base'

// `index` (client, reconciler) uses Web APIs only; `simulator` is a Node HTTP server for tests.
export default defineConfig(
  library({ entry: { index: 'src/index.ts', simulator: 'src/simulator/index.ts' }, platform: 'node' }),
)
