/**
 * Builds the example once with `next build`, runs it with `next start` as a real process, and
 * drives it over loopback with every fixture, signed and tampered, the way AIRudder would send them.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { runExampleE2E, startServer } from '@airudder-webhooks/conformance'
import { beforeAll, expect, it } from 'vitest'

const exampleDir = fileURLToPath(new URL('..', import.meta.url))
const nextBin = createRequire(new URL('../package.json', import.meta.url)).resolve('next/dist/bin/next')
const nextEnv = { NEXT_TELEMETRY_DISABLED: '1' }

beforeAll(() => {
  const build = spawnSync(process.execPath, [nextBin, 'build'], {
    cwd: exampleDir,
    env: { ...process.env, ...nextEnv },
    encoding: 'utf8',
    timeout: 180_000,
  })
  if (build.status !== 0) {
    throw new Error(`next build failed (${build.signal ?? build.status}):\n${build.stdout}\n${build.stderr}`)
  }
}, 200_000)

runExampleE2E({
  name: 'next-app',
  // `next start` on the port startServer picked (it sets PORT), passed explicitly with `-p`.
  start: (env) =>
    startServer({
      cwd: exampleDir,
      command: 'sh',
      args: ['-c', 'exec "$0" "$1" start -p "$PORT" -H 127.0.0.1', process.execPath, nextBin],
      env: { ...nextEnv, ...env },
      readyPath: '/',
      timeoutMs: 60_000,
    }),
  readmeBody: readFileSync(new URL('fixtures/workflow-call-completed.json', import.meta.url), 'utf8'),
  more: (server) => {
    it('answers a GET with 405: Next.js itself, as the route exports only POST', async () => {
      const response = await fetch(`${server().url}/webhooks/airudder`, {
        signal: AbortSignal.timeout(10_000),
      })
      expect(response.status).toBe(405)
    })
  },
})
