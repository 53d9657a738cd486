/**
 * Runs the example as a real process (tsx over src/server.ts) and drives it over loopback with
 * every fixture, signed and tampered, the way AIRudder would send them.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { runExampleE2E, startServer } from '@airudder-webhooks/conformance'
import { expect, it } from 'vitest'

const exampleDir = fileURLToPath(new URL('..', import.meta.url))
const tsxCli = createRequire(new URL('../package.json', import.meta.url)).resolve('tsx/cli')

runExampleE2E({
  name: 'hono-server',
  start: (env) => startServer({ cwd: exampleDir, command: 'node', args: [tsxCli, 'src/server.ts'], env }),
  readmeBody: readFileSync(new URL('fixtures/workflow-call-completed.json', import.meta.url), 'utf8'),
  more: (server) => {
    it('says where it listens', async () => {
      expect(await server().waitForLine(/^listening on /)).toBe(
        `listening on http://localhost:${new URL(server().url).port}`,
      )
    })

    it('answers a GET with 404: only POST is routed to the kit', async () => {
      const response = await fetch(`${server().url}/webhooks/airudder`, { signal: AbortSignal.timeout(5000) })
      expect(response.status).toBe(404)
    })
  },
})
