/**
 * Two replica processes share one PostgreSQL inbox. A burst of 5,000 deliveries, each sent twice
 * (once to each replica, side by side), 64 in flight; replica A is SIGKILLed mid-burst and what
 * was sent to it is resent to B, as AIRudder retries. Handlers write their effect through the
 * entry's transaction, so every event's effect is there exactly once: what A was running when it
 * died rolled back with it, and B takes those entries over once their lease runs out.
 */
import { fileURLToPath } from 'node:url'
import {
  createSender,
  pool as inParallel,
  KEY,
  numberedDelivery,
  type ServerProcess,
  startServerProcess,
  waitFor,
} from '@airudder-webhooks/conformance'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrate } from '../src/index'
import { DATABASE_URL, dropTables, freshTable, hasDatabase, testPool } from './support/database'

const EVENTS = 5000
const KILL_AFTER_SENDS = 2500
const IN_FLIGHT = 64
const CONCURRENCY = 16
const LEASE_MS = 2000
const packageDir = fileURLToPath(new URL('..', import.meta.url))

describe.runIf(hasDatabase)('two replicas sharing one PostgreSQL inbox', () => {
  const db = testPool(4)
  const inbox = freshTable('replicas')
  const effects = `${inbox}_effects`
  const servers: ServerProcess[] = []
  const sender = createSender(IN_FLIGHT)

  beforeAll(async () => {
    await migrate(db, { table: inbox })
    await db.query(`CREATE TABLE ${effects} (event_id text NOT NULL, pid integer NOT NULL)`)
  })
  afterAll(async () => {
    for (const server of servers) await server.kill()
    sender.close()
    await dropTables(db, [inbox, effects])
    await db.end()
  })

  const start = async () => {
    const server = await startServerProcess({
      cwd: packageDir,
      script: 'test/fixtures/replica-server.ts',
      env: {
        DATABASE_URL,
        INBOX_TABLE: inbox,
        EFFECTS_TABLE: effects,
        AIRUDDER_KEY: KEY,
        CONCURRENCY: String(CONCURRENCY),
        LEASE_MS: String(LEASE_MS),
        HANDLER_MS: '5',
      },
    })
    servers.push(server)
    const pid = /listening pid (\d+)/.exec(server.lines.join('\n'))?.[1]
    return { server, pid: Number(pid) }
  }

  const count = async (sql: string) => Number((await db.query(sql)).rows[0]?.n)

  it(`runs each of ${EVENTS} events exactly once, and B finishes what the killed A had leased`, async () => {
    const [a, b] = await Promise.all([start(), start()])
    const deliveries = Array.from({ length: EVENTS }, (_, n) => numberedDelivery(n, 'replica'))
    const sends = deliveries.flatMap((delivery, n) => {
      const [first, second] = n % 2 === 0 ? [a, b] : [b, a]
      return [
        { delivery, target: first },
        { delivery, target: second },
      ]
    })

    const started = Date.now()
    let sent = 0
    let resent = 0
    let aDead = false
    let killed: Promise<{ id: string; attempts: number }[]> | undefined
    await inParallel(sends, IN_FLIGHT, async ({ delivery, target }) => {
      for (let attempt = 1; ; attempt++) {
        const replica = target === a && aDead ? b : target
        const result = await sender.post(replica.server.url, delivery.body)
        if ('status' in result && result.status === 200) break
        if (replica === b || attempt >= 5) throw new Error(`send failed: ${JSON.stringify(result)}`)
        resent++
      }
      if (++sent === KILL_AFTER_SENDS) {
        aDead = true
        killed = a.server.kill('SIGKILL').then(async () => {
          const { rows } = await db.query(`SELECT id, attempts FROM ${inbox} WHERE status = 'processing'`)
          return rows
        })
      }
    })
    const burstMs = Date.now() - started
    const leasedAtKill = new Map((await killed)?.map((row) => [row.id, row.attempts]))

    await waitFor(
      `all ${EVENTS} events to be done`,
      async () => (await count(`SELECT count(*) AS n FROM ${inbox} WHERE status = 'done'`)) === EVENTS,
      120_000,
    )
    const totalMs = Date.now() - started

    expect(await count(`SELECT count(*) AS n FROM ${inbox}`)).toBe(EVENTS)
    const { rows } = await db.query<{ id: string; attempts: number; pids: number[] }>(`
      SELECT i.id, i.attempts, coalesce(array_agg(e.pid) FILTER (WHERE e.pid IS NOT NULL), '{}') AS pids
      FROM ${inbox} i LEFT JOIN ${effects} e ON e.event_id = i.id
      GROUP BY i.id, i.attempts`)
    const ids = new Set(rows.map((row) => row.id))
    expect(deliveries.filter((delivery) => !ids.has(delivery.id))).toEqual([])
    expect(rows.filter((row) => row.pids.length !== 1)).toEqual([])
    // A's leased entries it had not finished: B ran each of them, once, after the lease.
    const takenOver = rows.filter((row) => leasedAtKill.get(row.id) === row.attempts - 1)
    expect(takenOver.length).toBeGreaterThan(0)
    expect(takenOver.filter((row) => row.pids[0] !== b.pid)).toEqual([])
    const byA = rows.filter((row) => row.pids.includes(a.pid)).length
    expect(byA).toBeGreaterThan(0)
    console.info(
      `replicas: ${EVENTS} events x 2 sends, ${IN_FLIGHT} in flight; A SIGKILLed after ${KILL_AFTER_SENDS} ` +
        `sends, ${resent} resent to B; burst ${burstMs} ms, all done after ${totalMs} ms; ` +
        `A ran ${byA} handlers; ${leasedAtKill.size} entries leased at the kill, ${takenOver.length} ` +
        'of them taken over and run by B; every event has exactly one effect',
    )
  })
})
