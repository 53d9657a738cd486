/**
 * Shutdowns mid-burst on real processes. SIGTERM: the receiver stops accepting, lets handlers in
 * hand finish (SQLite) or releases them when its close limit runs out (PostgreSQL: the other
 * replica takes them at once instead of after the lease). SIGKILL: a SQLite receiver restarted on
 * its port finishes everything acknowledged. AIRudder's retries cover the time it is down.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type ServerProcess, sleep } from '@airudder-webhooks/conformance'
import { migrate } from '@airudder-webhooks/postgres'
import Database from 'better-sqlite3'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { firstAcknowledgedAfter, record, sendTraffic } from '../src/index'
import { DATABASE_URL, hasDatabase, receiverPid, startReceiver, uniqueName, waitFor } from './support'

const servers: ServerProcess[] = []
afterAll(async () => {
  for (const server of servers) await server.kill()
})
const start = async (env: Record<string, string>, port?: number) => {
  const server = await startReceiver(env, port)
  servers.push(server)
  return server
}

describe('SQLite receiver signalled mid-burst', () => {
  const dir = mkdtempSync(join(tmpdir(), 'airudder-signals-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it.each(['SIGTERM', 'SIGKILL'] as const)(
    '%s: restarted on its port, it finishes everything acknowledged',
    async (signal) => {
      const env = {
        INBOX: 'sqlite',
        SQLITE_PATH: join(dir, `${signal}.db`),
        EFFECTS: join(dir, `${signal}-effects.db`),
        HANDLER_MS: '100',
        LEASE_MS: '3000',
      }
      let server = await start(env)
      const port = Number(new URL(server.url).port)
      const traffic = sendTraffic({ url: () => server.url, count: 300, prefix: signal.toLowerCase() })
      await waitFor(
        'a third acknowledged',
        () => traffic.tracked.filter((t) => t.acknowledgedAt).length >= 100,
      )
      const signalledAt = Date.now()
      // The signal goes to the receiver itself, as a container runtime sends it to node (tsx's wrapper
      // is not part of a deployment), then the wrapper is cleaned up.
      process.kill(receiverPid(server.lines), signal)
      const stopped = server
      const graceful =
        signal === 'SIGTERM' &&
        (await waitFor('the receiver to close', () => stopped.lines.includes('closed'), 20_000).then(
          () => true,
        ))
      await server.kill()
      server = await start(env, port)
      const restartedAt = Date.now()
      await waitFor(
        'every delivery acknowledged',
        () => traffic.tracked.every((t) => t.acknowledgedAt),
        40_000,
      )
      const ids = traffic.tracked.map((t) => t.id)
      const db = new Database(env.SQLITE_PATH, { readonly: true })
      const effects = new Database(env.EFFECTS, { readonly: true })
      try {
        const done = db.prepare(`SELECT count(*) AS n FROM airudder_inbox WHERE status = 'done'`)
        await waitFor('every event done', () => (done.get() as { n: number }).n === ids.length, 40_000)
        const runs = effects.prepare('SELECT count(*) AS n FROM effects GROUP BY event_id').all() as {
          n: number
        }[]
        const measured = {
          graceful,
          downMs: restartedAt - signalledAt,
          recoveryMs: (firstAcknowledgedAfter(traffic.tracked, restartedAt) ?? Number.NaN) - restartedAt,
          allDoneMs: Date.now() - restartedAt,
          acknowledged: ids.length,
          lost: ids.length - runs.length,
          twice: runs.filter((run) => run.n > 1).length,
        }
        record(`sqlite: ${signal} mid-burst`, measured)
        expect(measured.lost).toBe(0)
        expect(graceful).toBe(signal === 'SIGTERM')
        // Handlers in hand finish before a SIGTERMed receiver exits: none runs again. After SIGKILL, an
        // effect made outside the inbox (here another file) may be made again: see the README.
        if (signal === 'SIGTERM') expect(measured.twice).toBe(0)
      } finally {
        db.close()
        effects.close()
      }
    },
    90_000,
  )
})

describe.runIf(hasDatabase)('PostgreSQL replica SIGTERMed with handlers in hand', () => {
  const db = new pg.Pool({ connectionString: DATABASE_URL, max: 2 })
  const inbox = uniqueName('sigterm')
  const effects = `${inbox}_fx`
  afterAll(async () => {
    await db.query(`DROP TABLE IF EXISTS ${inbox}, ${inbox}_reconcile_tasks, ${effects}`)
    await db.query('DELETE FROM airudder_inbox_migrations WHERE table_name = $1', [inbox])
    await db.end()
  })

  it('releases what is still running at its close limit; the other replica runs it at once, once', async () => {
    await migrate(db, { table: inbox })
    await db.query(`CREATE TABLE ${effects} (event_id text NOT NULL, pid integer NOT NULL)`)
    const env = {
      INBOX: 'postgres',
      DATABASE_URL,
      INBOX_TABLE: inbox,
      EFFECTS: effects,
      HANDLER_MS: '2000',
      CONCURRENCY: '4',
      LEASE_MS: '120000', // without the release, another replica would wait two minutes
      CLOSE_TIMEOUT_MS: '300',
    }
    const a = await start(env)
    const traffic = sendTraffic({ url: () => a.url, count: 12, prefix: 'sigterm', inFlight: 4 })
    await traffic.done
    await waitFor('A to hold four', async () => {
      const { rows } = await db.query(`SELECT count(*) AS n FROM ${inbox} WHERE status = 'processing'`)
      return Number(rows[0]?.n) === 4
    })
    const b = await start(env)
    const signalledAt = Date.now()
    process.kill(receiverPid(a.lines), 'SIGTERM')
    await waitFor('A to close', () => a.lines.includes('closed'))
    await waitFor(
      'every event done by B',
      async () => {
        const { rows } = await db.query(`SELECT count(*) AS n FROM ${inbox} WHERE status = 'done'`)
        return Number(rows[0]?.n) === 12
      },
      60_000,
    )
    const allDoneMs = Date.now() - signalledAt
    const { rows } = await db.query<{ pid: number; n: string }>(
      `SELECT pid, count(*) AS n FROM ${effects} GROUP BY pid`,
    )
    const { rows: twice } = await db.query(
      `SELECT event_id FROM ${effects} GROUP BY event_id HAVING count(*) > 1`,
    )
    const byB = Number(rows.find((row) => row.pid !== Number(a.lines[0]?.split(' ').pop()))?.n ?? 0)
    const measured = { allDoneMs, leaseMs: 120_000, runByB: byB, lost: 0, twice: twice.length }
    record('postgres: SIGTERM with handlers in hand', measured)
    expect(twice).toEqual([])
    expect(rows.reduce((sum, row) => sum + Number(row.n), 0)).toBe(12)
    expect(byB).toBeGreaterThanOrEqual(4) // the four A released, and what A never claimed
    await b.kill('SIGTERM')
    await sleep(0)
  }, 90_000)
})
