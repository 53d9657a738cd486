/**
 * @module
 * HTTP: per framework and payload size, the same app's routes driven by autocannon over loopback
 * in alternating rounds (each round starting one route later) with distinct signed deliveries;
 * medians of the rounds. Routes: bare (read the body, JSON.parse, answer `{}`), hand-written (the
 * same checks a user would write without the kit), the kit, and the peers a user might pick
 * instead (@octokit/webhooks, svix, stripe). Each library is divided by the bare route driven with
 * that library's own payload. Any answer but 2xx is counted: every route must accept every delivery.
 */
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { type RunningServer, startServer } from '@airudder-webhooks/conformance'
import autocannon from 'autocannon'
import type { BenchDelivery } from './deliveries'
import { type Payload, SIZES } from './payloads'

export interface HttpRun {
  readonly requestsPerSecond: number
  /** The server process's CPU time per request, in µs, where the server reports it (`GET /cpu`). */
  readonly cpuMicros: number | undefined
  readonly p50: number
  readonly p99: number
  readonly non2xx: number
}

/** What each round drives: a route of the app with one payload's deliveries. */
const TARGETS = {
  bare: { route: 'bare', payload: 'airudder' },
  handwritten: { route: 'handwritten', payload: 'airudder' },
  kit: { route: 'kit', payload: 'airudder' },
  bareGithub: { route: 'bare', payload: 'github' },
  octokit: { route: 'octokit', payload: 'github' },
  bareStripe: { route: 'bare', payload: 'stripe' },
  svix: { route: 'svix', payload: 'stripe' },
  stripe: { route: 'stripe', payload: 'stripe' },
} as const satisfies Record<string, { route: string; payload: Payload }>

export type Target = keyof typeof TARGETS

/** Each library and the bare run on its own payload that it is divided by. */
export const LIBRARIES = {
  kit: 'bare',
  handwritten: 'bare',
  octokit: 'bareGithub',
  svix: 'bareStripe',
  stripe: 'bareStripe',
} as const satisfies Record<string, Target>

export type Library = keyof typeof LIBRARIES

export interface HttpRow {
  readonly framework: string
  readonly size: string
  readonly events: Readonly<Record<Payload, string>>
  readonly bytes: Readonly<Record<Payload, number>>
  readonly runs: Readonly<Partial<Record<Target, HttpRun>>>
  /** Each library's requests per second over the bare route's on that library's payload. */
  readonly overBare: Readonly<Partial<Record<Library, number>>>
  /** The same ratio from CPU per request (bare's µs over the library's), steadier on a busy machine. */
  readonly overBareCpu: Readonly<Partial<Record<Library, number>>>
  /** The kit against signature + schema checks written by hand. */
  readonly kitOverHandwritten: number
}

/** How long each drive of a route lasts: a duration, or a number of requests (smoke runs). */
export type DriveLength = { readonly seconds: number } | { readonly requests: number }

export interface HttpOptions {
  readonly rounds: number
  readonly length: DriveLength
  readonly connections: number
  readonly deliveries: number
}

const benchDir = fileURLToPath(new URL('..', import.meta.url))
const require = createRequire(new URL('../package.json', import.meta.url))
const tsxCli = require.resolve('tsx/cli')
const nextBin = require.resolve('next/dist/bin/next')
const nextDir = fileURLToPath(new URL('../next-app', import.meta.url))
const nextEnv = { NEXT_TELEMETRY_DISABLED: '1' }

const tsxServer = (file: string) => () =>
  startServer({ cwd: benchDir, command: 'node', args: [tsxCli, `src/servers/${file}`] })

const ALL_TARGETS = Object.keys(TARGETS) as Target[]

interface Framework {
  readonly start: () => Promise<RunningServer>
  /** The targets its app serves. */
  readonly targets: readonly Target[]
  /** Whether it answers `GET /cpu` with its CPU time. */
  readonly cpu: boolean
}

const FRAMEWORKS: Record<string, Framework> = {
  'node:http': { start: tsxServer('node-http.ts'), targets: ALL_TARGETS, cpu: true },
  express: { start: tsxServer('express.ts'), targets: ALL_TARGETS, cpu: true },
  hono: { start: tsxServer('hono.ts'), targets: ALL_TARGETS, cpu: true },
  // The Next app serves the kit's routes only: a `next build` per peer would not fit the run's time.
  next: {
    start: async () => {
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
    targets: ['bare', 'handwritten', 'kit'],
    cpu: false,
  },
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0

/** A path of the app and the deliveries it is sent, in turn. */
interface Sent {
  readonly path: string
  readonly deliveries: readonly BenchDelivery[]
}

async function cpuMicros(url: string): Promise<number> {
  const { micros } = (await (await fetch(`${url}/cpu`)).json()) as { micros: number }
  return micros
}

/**
 * Drives `url`'s paths; several take turns on each connection (one warm-up run covers them all).
 * With `cpu`, reads the server's CPU time before and after.
 */
async function drive(
  url: string,
  paths: readonly Sent[],
  connections: number,
  length: DriveLength,
  cpu = false,
): Promise<HttpRun> {
  const cpuBefore = cpu ? await cpuMicros(url) : 0
  const result = await autocannon({
    url,
    method: 'POST',
    connections,
    ...('seconds' in length ? { duration: length.seconds } : { amount: length.requests }),
    requests: paths.map(({ path, deliveries }) => {
      let next = 0
      return {
        setupRequest: (request: autocannon.Request) => {
          const delivery = deliveries[next++ % deliveries.length] as BenchDelivery
          return { ...request, path, method: 'POST', body: delivery.body, headers: delivery.headers }
        },
      }
    }),
  })
  // A route that refuses deliveries would look fast: every delivery must be accepted.
  const where = `${url} ${paths.map(({ path }) => path).join(', ')}`
  if (result.non2xx > 0)
    throw new Error(`@airudder-webhooks/bench: ${where} answered ${result.non2xx} deliveries non-2xx`)
  const cpuUsed = cpu ? (await cpuMicros(url)) - cpuBefore : undefined
  return {
    requestsPerSecond: result.requests.average,
    cpuMicros: cpuUsed === undefined ? undefined : cpuUsed / result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx + result.errors + result.timeouts,
  }
}

function summary(runs: readonly HttpRun[]): HttpRun {
  return {
    requestsPerSecond: median(runs.map((run) => run.requestsPerSecond)),
    cpuMicros: runs.every((run) => run.cpuMicros !== undefined)
      ? median(runs.map((run) => run.cpuMicros ?? 0))
      : undefined,
    p50: median(runs.map((run) => run.p50)),
    p99: median(runs.map((run) => run.p99)),
    non2xx: runs.reduce((sum, run) => sum + run.non2xx, 0),
  }
}

const payloadsOf = <T>(make: (payload: Payload) => T) =>
  ({ airudder: make('airudder'), github: make('github'), stripe: make('stripe') }) as Record<Payload, T>

/**
 * One framework's targets after one warm-up drive of them all, in alternating rounds; each round
 * starts one target later, so no target always follows the same one. The median run of each.
 */
async function measure(
  url: string,
  { targets, cpu }: Framework,
  sent: (target: Target) => Sent,
  options: HttpOptions,
): Promise<Partial<Record<Target, HttpRun>>> {
  await drive(url, targets.map(sent), options.connections, {
    requests: options.connections * 100 * targets.length,
  })
  const runs = new Map<Target, HttpRun[]>(targets.map((target) => [target, []]))
  for (let round = 0; round < options.rounds; round++) {
    for (let step = 0; step < targets.length; step++) {
      const target = targets[(round + step) % targets.length] as Target
      runs.get(target)?.push(await drive(url, [sent(target)], options.connections, options.length, cpu))
    }
  }
  return Object.fromEntries([...runs].map(([target, each]) => [target, summary(each)]))
}

/** Each measured library over the bare route on its own payload: `speed` is higher when faster. */
function overBare(
  summaries: Partial<Record<Target, HttpRun>>,
  speed: (run: HttpRun) => number | undefined,
): Partial<Record<Library, number>> {
  const ratios: Partial<Record<Library, number>> = {}
  for (const [library, bare] of Object.entries(LIBRARIES) as [Library, Target][]) {
    const mine = summaries[library] && speed(summaries[library])
    const base = summaries[bare] && speed(summaries[bare])
    if (mine !== undefined && base !== undefined) ratios[library] = mine / base
  }
  return ratios
}

export async function httpBench(
  options: HttpOptions,
  frameworks = Object.keys(FRAMEWORKS),
): Promise<HttpRow[]> {
  const rows: HttpRow[] = []
  for (const name of frameworks) {
    const framework = FRAMEWORKS[name] as Framework
    const server = await framework.start()
    try {
      for (const { size, events, series } of SIZES) {
        // Made per size, just before they are sent: svix and Stripe refuse signatures over 5 minutes old.
        const deliveries = payloadsOf((payload) =>
          Array.from({ length: options.deliveries }, (_, i) => series[payload](i)),
        )
        const sent = (target: Target): Sent => ({
          path: `/${TARGETS[target].route}`,
          deliveries: deliveries[TARGETS[target].payload],
        })
        const runs = await measure(server.url, framework, sent, options)
        rows.push({
          framework: name,
          size,
          events,
          bytes: payloadsOf((payload) => Buffer.byteLength(deliveries[payload][0]?.body ?? '')),
          runs,
          overBare: overBare(runs, (run) => run.requestsPerSecond),
          overBareCpu: overBare(runs, (run) => (run.cpuMicros === undefined ? undefined : 1 / run.cpuMicros)),
          kitOverHandwritten: (runs.kit?.requestsPerSecond ?? 0) / (runs.handwritten?.requestsPerSecond ?? 1),
        })
      }
    } finally {
      await server.stop()
    }
  }
  return rows
}
