/**
 * @module
 * Instructions per delivery, exactly: each (fixture, mode) runs `probe.mjs` under
 * `valgrind --tool=callgrind` twice after the same warm-up, once with `counts[0]` deliveries and
 * once with `counts[1]`, and divides the difference in instructions by the difference in
 * deliveries. Start-up, imports, warm-up and the compiler's tier-ups cancel; garbage collection,
 * which every delivery's allocations cause, is spread over the thousands counted (a count of a
 * hundred sees one scavenge or none, and moved JSON.parse alone by 25 %). Instruction counts do
 * not depend on how busy the machine is, so a small change shows and CI can gate on it.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { FIXTURES, HEADER_KEY, KEY, signedDelivery, URL_TOKEN } from '@airudder-webhooks/conformance'

export type Mode = 'json' | 'pipeline' | 'request' | 'handle' | 'floor' | 'bare'

/**
 * The least a receiver pays on this runtime, measured on the same delivery, so a ratio the kit misses
 * can be read against the least it could be.
 */
export interface Floors {
  /**
   * Without HTTP: the body decoded from its bytes (fatal UTF-8), `JSON.parse`d and, when it is signed
   * in a header, its HMAC-SHA256 computed with `node:crypto` (key prepared once) and compared. The other
   * deliveries' checks (md5 of a short text, a URL token) cost little and are left out.
   */
  readonly verified: number
  /** A Web route that checks nothing: `arrayBuffer()`, decode, `JSON.parse`, `new Response('{}')`; less building the Request. */
  readonly bareRoute: number
  readonly verifiedOverJson: number
  readonly bareRouteOverJson: number
}

export interface InstructionRow {
  readonly fixture: string
  readonly type: string
  readonly bytes: number
  /** Instructions per delivery of `JSON.parse(body)` alone. */
  readonly json: number
  /** Instructions per delivery of `verifyAndReceive` (decode, classify, verify, validate, dispatch). */
  readonly pipeline: number
  /** Instructions per delivery of `handle(Request)`, less building the Request (measured alone). */
  readonly handle: number
  readonly pipelineOverJson: number
  readonly handleOverJson: number
  /** Measured only when asked for (`floors: true`): the full run, not the CI gate. */
  readonly floors?: Floors
}

export interface MeasureSettings {
  /** Deliveries before anything counts, so every hot function has reached its final tier. */
  readonly warmup: number
  /** The deliveries of the two counted runs; per delivery is their difference in instructions. */
  readonly counts: readonly [number, number]
}

export interface MeasureOptions extends MeasureSettings {
  readonly fixtures?: readonly string[]
  /** Probes run at once (each is one valgrind process). */
  readonly parallel: number
  /** Also measure the `Floors` (two more probes per fixture). */
  readonly floors?: boolean
}

const FLOOR_MODES: readonly Mode[] = ['floor', 'bare']

const probe = fileURLToPath(new URL('./probe.mjs', import.meta.url))
// Deterministic V8: no concurrent compiler or GC threads whose share of the work varies run to run.
const NODE_FLAGS = ['--single-threaded', '--predictable-gc-schedule']

/** Total instructions of one probe process, from callgrind's summary line. */
function instructions(args: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'valgrind',
      ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, ...NODE_FLAGS, probe, ...args],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    )
    let stderr = ''
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    child.on('error', (error) =>
      reject(
        new Error(`bench: valgrind could not start (${error.message}); install it: apt-get install valgrind`),
      ),
    )
    child.on('close', (code) => {
      const collected = /Collected\s*:\s*(\d+)/.exec(stderr)?.[1]
      if (code !== 0 || collected === undefined)
        reject(new Error(`bench: the probe failed (exit ${code}):\n${stderr.slice(-2000)}`))
      else resolve(Number(collected))
    })
  })
}

async function perDelivery(file: string, mode: Mode, options: MeasureOptions): Promise<number> {
  const { warmup, counts } = options
  const [low, high] = counts
  const fewer = await instructions([file, mode, String(low), String(warmup)])
  const more = await instructions([file, mode, String(high), String(warmup)])
  return Math.round((more - fewer) / (high - low))
}

/** Runs `tasks` with at most `parallel` at a time, results in order. */
async function pool<T>(tasks: readonly (() => Promise<T>)[], parallel: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length)
  let next = 0
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++
      results[index] = await (tasks[index] as () => Promise<T>)()
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, parallel) }, worker))
  return results
}

export async function measureInstructions(options: MeasureOptions): Promise<InstructionRow[]> {
  const chosen = FIXTURES.filter(([file]) => !options.fixtures || options.fixtures.includes(file))
  const dir = mkdtempSync(join(tmpdir(), 'airudder-instructions-'))
  try {
    const specs = chosen.map(([file, type]) => {
      const delivery = signedDelivery(file, type)
      const path = join(dir, `${file.replaceAll('/', '_')}`)
      writeFileSync(path, JSON.stringify({ key: KEY, headerKey: HEADER_KEY, urlToken: URL_TOKEN, delivery }))
      return { file, type, path, bytes: new TextEncoder().encode(delivery.body).byteLength }
    })
    const modes: Mode[] = ['json', 'pipeline', 'request', 'handle', ...(options.floors ? FLOOR_MODES : [])]
    const tasks = specs.flatMap((spec) => modes.map((mode) => () => perDelivery(spec.path, mode, options)))
    const counts = await pool(tasks, options.parallel)
    return specs.map((spec, index) => {
      const count = (mode: Mode) => counts[index * modes.length + modes.indexOf(mode)] ?? 0
      const [json, pipeline, request] = [count('json'), count('pipeline'), count('request')]
      const handle = count('handle') - request
      const row: InstructionRow = {
        fixture: spec.file,
        type: spec.type,
        bytes: spec.bytes,
        json,
        pipeline,
        handle,
        pipelineOverJson: round(pipeline / json),
        handleOverJson: round(handle / json),
      }
      if (!options.floors) return row
      const verified = count('floor')
      const bareRoute = count('bare') - request
      const floors = {
        verified,
        bareRoute,
        verifiedOverJson: round(verified / json),
        bareRouteOverJson: round(bareRoute / json),
      }
      return { ...row, floors }
    })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** A ratio to two decimals, as the tables print it. */
export function round(value: number): number {
  return Math.round(value * 100) / 100
}
