import { defineConfig, library } from '../../tsdown.base'

export default defineConfig(library({ entry: { index: 'src/index.ts', testing: 'src/testing/index.ts' } }))
