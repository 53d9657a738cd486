/**
 * @module
 * HTTP: per framework, the same app's bare route (read the body, JSON.parse, answer `{}`), its
 * hand-written route (the same checks a user would write without the kit) and its kit route,
 * driven by autocannon over loopback in alternating rounds with distinct signed deliveries;
 * medians of the rounds. Any answer but 2xx is counted: every route must accept every delivery.
 */
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { type RunningServer, startServer } from '@airudder-webhooks/conformance'
import autocannon from 'autocannon'
import { type BenchDelivery, KINDS } from './deliveries'

export interface HttpRun {
  readonly requestsPerSecond: number
  readonly p50: number
  readonly p99: number
  readonly non2xx: number
}

export interface HttpRow {
  readonly framework: string
  readonly kind: string
  readonly bare: HttpRun
  readonly handwritten: HttpRun
  readonly kit: HttpRun
  readonly kitOverBare: number
  /** The kit against signature + schema checks written by hand. */
  readonly kitOverHandwritten: number
}

const ROUTES = ['bare', 'handwritten', 'kit'] as const

export interface HttpOptions {
  readonly rounds: number
  readonly seconds: number
  readonly connections: number
  readonly deliveries: number
}

const benchDir = fileURLToPath(new URL('..', import.meta.url))
const require = createRequire(new URL('../package.json', import.meta.url))
const tsxCli = require.resolve('tsx/cli')
const nextBin = require.resolve('next/dist/bin/next')
const nextDir = fileURLToPath(new URL('../next-app', import.meta.url))
const nextEnv = { NEXT_TELEMETRY_DISABLED: '1' }

const FRAMEWORKS: Record<string, () => Promise<RunningServer>> = {
  express: () => startServer({ cwd: benchDir, command: 'node', args: [tsxCli, 'src/servers/express.ts'] }),
  hono: () => startServer({ cwd: benchDir, command: 'node', args: [tsxCli, 'src/servers/hono.ts'] }),
  next: async () => {
    const build = spawnSync(process.execPath, [nextBin, 'build'], {
      cwd: nextDir,
      env: { ...process.env, ...nextEnv },
      encoding: 'utf8',
      timeout: 240_000,
    })
    if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}\n${build.stderr}`)
    return startServer({
      cwd: nextDir,
      command: 'sh',
      args: ['-c', 'exec "$0" "$1" start -p "$PORT" -H 127.0.0.1', process.execPath, nextBin],
      env: nextEnv,
      timeoutMs: 60_000,
    })
  },
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0

async function drive(url: string, deliveries: readonly BenchDelivery[], options: HttpOptions) {
  let next = 0
  const result = await autocannon({
    url,
    method: 'POST',
    connections: options.connections,
    duration: options.seconds,
    requests: [
      {
        setupRequest: (request) => {
          const delivery = deliveries[next++ % deliveries.length] as BenchDelivery
          return { ...request, method: 'POST', body: delivery.body, headers: delivery.headers }
        },
      },
    ],
  })
  // A route that refuses deliveries would look fast: every delivery must be accepted.
  if (result.non2xx > 0)
    throw new Error(`@airudder-webhooks/bench: ${url} answered ${result.non2xx} deliveries non-2xx`)
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx + result.errors + result.timeouts,
  }
}

function summary(runs: readonly HttpRun[]): HttpRun {
  return {
    requestsPerSecond: median(runs.map((run) => run.requestsPerSecond)),
    p50: median(runs.map((run) => run.p50)),
    p99: median(runs.map((run) => run.p99)),
    non2xx: runs.reduce((sum, run) => sum + run.non2xx, 0),
  }
}

export async function httpBench(
  options: HttpOptions,
  frameworks = Object.keys(FRAMEWORKS),
): Promise<HttpRow[]> {
  const rows: HttpRow[] = []
  for (const framework of frameworks) {
    const server = await (FRAMEWORKS[framework] as () => Promise<RunningServer>)()
    try {
      for (const [kind, make] of Object.entries(KINDS)) {
        const deliveries = Array.from({ length: options.deliveries }, (_, i) => make(i))
        const runs = { bare: [] as HttpRun[], handwritten: [] as HttpRun[], kit: [] as HttpRun[] }
        await drive(`${server.url}/kit`, deliveries.slice(0, 50), { ...options, seconds: 1 }) // warm-up
        for (let round = 0; round < options.rounds; round++) {
          for (const route of ROUTES)
            runs[route].push(await drive(`${server.url}/${route}`, deliveries, options))
        }
        const [bare, handwritten, kit] = ROUTES.map((route) => summary(runs[route]))
        if (!bare || !handwritten || !kit)
          throw new Error('@airudder-webhooks/bench: a route was not measured')
        rows.push({
          framework,
          kind,
          bare,
          handwritten,
          kit,
          kitOverBare: kit.requestsPerSecond / bare.requestsPerSecond,
          kitOverHandwritten: kit.requestsPerSecond / handwritten.requestsPerSecond,
        })
      }
    } finally {
      await server.stop()
    }
  }
  return rows
}
