import { defineConfig, library } from '../../tsdown.base'

export default defineConfig(
  library({
    entry: {
      index: 'src/index.ts',
      schemas: 'src/schemas.ts',
      node: 'src/node.ts',
      inbox: 'src/inbox.ts',
      testing: 'src/testing/index.ts',
      redact: 'src/redact.ts',
      telemetry: 'src/telemetry.ts',
    },
  }),
)
