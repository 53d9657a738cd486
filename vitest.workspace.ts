/**
 * The test projects: one per package and example. Vitest 4 no longer reads this file on its
 * own; `vitest.config.ts` imports the list, and `.ci/run` fails when a project here ran no test.
 */
import { defineProject } from 'vitest/config'

const project = (name: string, root: string, testTimeout = 5000) =>
  defineProject({
    test: {
      name,
      root,
      include: ['test/**/*.test.ts'],
      testTimeout,
      typecheck: {
        enabled: true,
        include: ['test/**/*.test-d.ts'],
        // The root tsconfig, as many levels up as `root` is deep (`packages/core`, or `bench`).
        tsconfig: `${'../'.repeat(root.split('/').length)}tsconfig.json`,
      },
    },
  })

export const projects = [
  project('core', 'packages/core'),
  project('express', 'packages/express'),
  project('hono', 'packages/hono'),
  project('next', 'packages/next'),
  project('cli', 'packages/cli', 60_000),
  project('sqlite', 'packages/sqlite', 60_000),
  project('postgres', 'packages/postgres', 150_000),
  project('client', 'packages/client', 60_000),
  project('console', 'packages/console', 120_000),
  project('opentelemetry', 'packages/opentelemetry', 60_000),
  project('faults', 'packages/faults', 60_000),
  project('example-express-server', 'examples/express-server', 60_000),
  project('example-hono-server', 'examples/hono-server', 60_000),
  project('example-next-app', 'examples/next-app', 240_000),
  // The instruction benchmark's baseline rule and table (the benchmark itself runs under valgrind in CI).
  project('bench', 'bench'),
  // Every README snippet type-checked against the packed packages; the quick starts run as servers.
  project('docs', 'docs', 120_000),
]
