import { defineConfig } from 'vitest/config'
import { projects } from './vitest.workspace'

// Under CI a JSON report is written too, so `.ci/run` can print `N passed, N failed` and prove every project ran.
export default defineConfig({
  test: {
    projects,
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.ci/out/vitest.json' }]] : ['default'],
  },
})
