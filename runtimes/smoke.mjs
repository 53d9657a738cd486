/**
 * The runtime matrix. Starts core as a real server process on each runtime (Node 20 = the Node
 * running this script, Node 24, Bun, Deno, Cloudflare's workerd, all installed from npm by this
 * directory's package.json) and smokes it over real HTTP: every built-in event type and an
 * unknown shape, each signed the way AIRudder signs it (must be handled: 200 and its handler ran)
 * and signed with a wrong secret (must be refused: 401, no handler). Prints one line per runtime
 * and `N passed, N failed`; exits 1 on any failure.
 *
 *   node runtimes/smoke.mjs [node20|node24|bun|deno|workerd]…
 *
 * Needs the packages built (`pnpm build`): the servers import core's `dist/`.
 */
import { spawn } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { buildEvent, deliveryUrl, SAMPLE_TYPES, signDelivery } from '../packages/core/dist/testing.js'
import { SECRET } from './app.mjs'

const here = fileURLToPath(new URL('.', import.meta.url))
const bin = (name) => `${here}node_modules/.bin/${name}`

const RUNTIMES = {
  node20: () => ({ command: process.execPath, args: ['servers/node.mjs'], major: 'v20.' }),
  node24: () => ({ command: bin('node'), args: ['servers/node.mjs'] }),
  bun: () => ({ command: bin('bun'), args: ['run', 'servers/bun.mjs'] }),
  deno: () => ({
    command: bin('deno'),
    args: [
      'run',
      '--no-lock',
      '--allow-net=127.0.0.1',
      '--allow-env=PORT',
      '--allow-read',
      'servers/deno.mjs',
    ],
  }),
  workerd: async (port) => {
    mkdirSync(`${here}.build`, { recursive: true })
    // workerd loads one module graph without node_modules: bundle the worker for the browser
    // platform, so no Node built-in can slip in.
    await build({
      entryPoints: [`${here}servers/workerd.mjs`],
      outfile: `${here}.build/worker.js`,
      bundle: true,
      format: 'esm',
      platform: 'browser',
      logLevel: 'warning',
    })
    const workerd = `${here}node_modules/@cloudflare/workerd-linux-64/bin/workerd`
    return {
      command: workerd,
      args: ['serve', 'servers/workerd.capnp', '--socket-addr', `http=127.0.0.1:${port}`],
    }
  },
}

/** The deliveries: every sample type, an unknown shape (the URL-token rule covers it), each good and bad. */
function cases() {
  const payloads = [...SAMPLE_TYPES.map((type) => [type, buildEvent(type)]), ['unknown', { hello: 'world' }]]
  return payloads.flatMap(([type, payload]) => {
    // The kit signs an unknown shape with nothing: the receiver's URL token ('*') covers it.
    const scheme = type === 'unknown' ? 'url-token' : 'auto'
    return [
      { type, good: true, delivery: signDelivery(payload, { key: SECRET, scheme }) },
      { type, good: false, delivery: signDelivery(payload, { key: 'wrong-secret', scheme }) },
    ]
  })
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })
}

async function waitUntilUp(url, child, output) {
  const deadline = Date.now() + 90_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode}: ${output()}`)
    try {
      const response = await fetch(`${url}/seen`, { signal: AbortSignal.timeout(2000) })
      if (response.ok) return (await response.json()).runtime
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`did not answer within 90 s: ${output()}`)
}

async function smoke(name) {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const { command, args, major } = await RUNTIMES[name](port)
  const child = spawn(command, args, {
    cwd: here,
    env: { ...process.env, PORT: String(port) },
    stdio: 'pipe',
  })
  let text = ''
  child.stdout.on('data', (chunk) => (text += chunk))
  child.stderr.on('data', (chunk) => (text += chunk))
  const failures = []
  let passed = 0
  let runtime = name
  try {
    runtime = await waitUntilUp(url, child, () => text.slice(-2000))
    if (major && !runtime.startsWith(`node ${major}`))
      failures.push(`expected Node ${major}x, got ${runtime}`)
    const handled = []
    // Node serves core's own Node bridge; the Hono adapter on Node is tested in packages/hono.
    const routes = name.startsWith('node')
      ? ['/webhooks/airudder']
      : ['/webhooks/airudder', '/hono/webhooks/airudder']
    for (const route of routes)
      for (const { type, good, delivery } of cases()) {
        const response = await fetch(deliveryUrl(`${url}${route}`, delivery), {
          method: 'POST',
          headers: delivery.headers,
          body: delivery.body,
        })
        const body = await response.text()
        const expected = good ? 200 : 401
        if (response.status === expected && (!good || body === '{}')) passed++
        else
          failures.push(
            `${type} (${good ? 'good' : 'bad'} signature): expected ${expected}, got ${response.status} ${body.slice(0, 300)}`,
          )
        if (good) handled.push(route === '/webhooks/airudder' ? type : `hono ${type} ${route}`)
      }
    const { seen } = await (await fetch(`${url}/seen`)).json()
    if (JSON.stringify(seen) === JSON.stringify(handled)) passed++
    else
      failures.push(`handlers ran for ${JSON.stringify(seen)}, expected exactly ${JSON.stringify(handled)}`)
  } catch (error) {
    failures.push(String(error?.message ?? error))
  } finally {
    child.kill('SIGTERM')
  }
  console.log(`${runtime}: ${passed} passed, ${failures.length} failed`)
  for (const failure of failures) console.log(`  ✗ ${failure}`)
  return { passed, failed: failures.length }
}

const names = process.argv.length > 2 ? process.argv.slice(2) : Object.keys(RUNTIMES)
let passed = 0
let failed = 0
for (const name of names) {
  if (!RUNTIMES[name]) throw new Error(`unknown runtime ${name}; one of ${Object.keys(RUNTIMES).join(', ')}`)
  const result = await smoke(name)
  passed += result.passed
  failed += result.failed
}
console.log(`${passed} passed, ${failed} failed`)
process.exitCode = failed === 0 ? 0 : 1
