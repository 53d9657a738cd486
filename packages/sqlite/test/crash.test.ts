/**
 * A real server process with the SQLite inbox receives N deliveries and is SIGKILLed while
 * handlers are mid-flight (held just before their side effect) and deliveries are still arriving.
 * Restarted on the same file, it processes every acknowledged event exactly once: the handlers'
 * side effects (event ids appended to a file) are counted.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  createSender,
  KEY,
  type NumberedDelivery,
  numberedDelivery,
  pool,
  type ServerProcess,
  sleep,
  startServerProcess,
  waitFor,
} from '@airudder-webhooks/conformance'
import Database from 'better-sqlite3'
import { afterAll, expect, it } from 'vitest'

const N = 200
const CONCURRENCY = 8
const packageDir = fileURLToPath(new URL('..', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'airudder-sqlite-crash-'))
const paths = {
  INBOX_PATH: join(dir, 'inbox.db'),
  EFFECTS_PATH: join(dir, 'effects.txt'),
  GATE_PATH: join(dir, 'gate'),
}
const servers: ServerProcess[] = []
const sender = createSender(16)

afterAll(async () => {
  for (const server of servers) await server.kill()
  sender.close()
  rmSync(dir, { recursive: true, force: true })
})

const start = async () => {
  const server = await startServerProcess({
    cwd: packageDir,
    script: 'test/fixtures/crash-server.ts',
    env: { ...paths, AIRUDDER_KEY: KEY, HANDLER_MS: '200', LEASE_MS: '1000' },
  })
  servers.push(server)
  return server
}

const effects = () =>
  existsSync(paths.EFFECTS_PATH) ? readFileSync(paths.EFFECTS_PATH, 'utf8').split('\n').filter(Boolean) : []

/** Counts rows by status, reading the file the server writes (WAL: readers do not block it). */
const statuses = () => {
  const db = new Database(paths.INBOX_PATH, { readonly: true, fileMustExist: true })
  try {
    const rows = db.prepare('SELECT status, count(*) AS n FROM airudder_inbox GROUP BY status').all() as {
      status: string
      n: number
    }[]
    return Object.fromEntries(rows.map((row) => [row.status, row.n])) as Record<string, number | undefined>
  } finally {
    db.close()
  }
}

it(`loses no acknowledged event and runs none twice when SIGKILLed mid-flight (N = ${N})`, async () => {
  const started = Date.now()
  const deliveries = Array.from({ length: N }, (_, n) => numberedDelivery(n, 'crash'))
  const acked = new Set<string>()
  const send = async (url: string, delivery: NumberedDelivery) => {
    const result = await sender.post(url, delivery.body)
    if ('status' in result && result.status === 200) acked.add(delivery.id)
    return result
  }

  const first = await start()
  await pool(deliveries.slice(0, N / 2), 16, async (delivery) => void (await send(first.url, delivery)))
  expect(acked.size).toBe(N / 2)
  await waitFor('some handlers to finish', () => effects().length >= 2 * CONCURRENCY, 20_000)

  // Hold every handler that has not written its effect yet; wait until the pool is full of them.
  writeFileSync(paths.GATE_PATH, '')
  let last = -1
  let stableSince = Date.now()
  await waitFor(
    'handlers to be held mid-flight',
    () => {
      const count = effects().length
      if (count !== last) [last, stableSince] = [count, Date.now()]
      return Date.now() - stableSince > 400 && statuses().processing === CONCURRENCY
    },
    10_000,
  )
  const effectsAtKill = effects().length

  // More deliveries arrive; SIGKILL lands after 40 of them were acknowledged, with others in flight.
  let ackedLate = 0
  let killing: Promise<void> | undefined
  const failures: string[] = []
  await pool(deliveries.slice(N / 2), 16, async (delivery) => {
    if (killing) await killing
    const result = await send(first.url, delivery)
    if ('error' in result) failures.push(result.error)
    else if (result.status === 200 && ++ackedLate === 40) killing = first.kill('SIGKILL')
  })
  await killing
  const ackedBeforeKill = acked.size
  const atKill = statuses()
  const storedAtKill = Object.values(atKill).reduce<number>((sum, n) => sum + (n ?? 0), 0)
  expect(first.exited).toBe(true)
  expect(atKill.processing).toBe(CONCURRENCY)
  expect(effects()).toHaveLength(effectsAtKill)
  expect(effectsAtKill).toBeGreaterThan(0)
  expect(effectsAtKill).toBeLessThan(ackedBeforeKill)

  // Restart on the same file; AIRudder retries what was not acknowledged.
  unlinkSync(paths.GATE_PATH)
  const second = await start()
  const unacked = deliveries.filter((delivery) => !acked.has(delivery.id))
  for (let round = 0; round < 5 && unacked.some((d) => !acked.has(d.id)); round++) {
    await pool(
      unacked.filter((d) => !acked.has(d.id)),
      16,
      async (delivery) => void (await send(second.url, delivery)),
    )
    await sleep(100)
  }
  expect(acked.size).toBe(N)
  await waitFor(
    'every stored event to be done',
    () => {
      const now = statuses()
      return now.done === N && Object.keys(now).length === 1
    },
    30_000,
  )

  const seen = new Map<string, number>()
  for (const id of effects()) seen.set(id, (seen.get(id) ?? 0) + 1)
  const missing = [...acked].filter((id) => !seen.has(id))
  const doubles = [...seen].filter(([, count]) => count > 1)
  expect(missing).toEqual([])
  expect(doubles).toEqual([])
  expect(seen.size).toBe(N)
  console.info(
    `crash: ${N} sent, ${ackedBeforeKill} acknowledged before the SIGKILL ` +
      `(${failures.length} sends in flight or after it failed; ${storedAtKill} stored), ` +
      `${atKill.processing} handlers in flight at the kill, ` +
      `${effectsAtKill} effects written before it; after restart and retries all ${N} done, ` +
      `each effect exactly once (${Date.now() - started} ms)`,
  )
})
