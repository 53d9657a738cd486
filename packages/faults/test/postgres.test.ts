/**
 * PostgreSQL behind a misbehaving network: every connection reset, the database swallowing every
 * byte (blackhole), and slow round trips, each while AIRudder keeps delivering. The receiver must
 * stay up, answer within AIRudder's 10 s (503 while it cannot store, so AIRudder retries), recover
 * by itself once the network heals, lose no acknowledged event and run none twice.
 */
import { URL as NodeURL } from 'node:url'
import { type ServerProcess, sleep } from '@airudder-webhooks/conformance'
import { migrate } from '@airudder-webhooks/postgres'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  answersBetween,
  firstAcknowledgedAfter,
  record,
  sendTraffic,
  startTcpProxy,
  type TcpProxy,
} from '../src/index'
import { DATABASE_URL, hasDatabase, startReceiver, uniqueName, waitFor } from './support'

describe.runIf(hasDatabase)('PostgreSQL faults through a TCP proxy', () => {
  const db = new pg.Pool({ connectionString: DATABASE_URL, max: 2 })
  const inbox = uniqueName('pg')
  const effects = `${inbox}_fx`
  let proxy: TcpProxy
  let server: ServerProcess

  beforeAll(async () => {
    await migrate(db, { table: inbox })
    await db.query(`CREATE TABLE ${effects} (event_id text NOT NULL, pid integer NOT NULL)`)
    const target = new NodeURL(DATABASE_URL)
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) })
    const proxied = new NodeURL(DATABASE_URL)
    proxied.hostname = '127.0.0.1'
    proxied.port = String(proxy.port)
    server = await startReceiver({
      INBOX: 'postgres',
      DATABASE_URL: proxied.toString(),
      INBOX_TABLE: inbox,
      EFFECTS: effects,
      CONCURRENCY: '4',
      HANDLER_MS: '20',
      // A claim whose answer the network lost stays leased until this runs out (default 5 min).
      LEASE_MS: '5000',
    })
  })
  afterAll(async () => {
    await server?.kill()
    await proxy?.close()
    await db.query(`DROP TABLE IF EXISTS ${inbox}, ${inbox}_reconcile_tasks, ${effects}`)
    await db.query('DELETE FROM airudder_inbox_migrations WHERE table_name = $1', [inbox])
    await db.end()
  })

  /** Every acknowledged event of the run is done, with exactly one effect. */
  async function settled(ids: readonly string[]) {
    await waitFor(
      'every acknowledged event to be done',
      async () => {
        const { rows } = await db.query<{ n: string }>(
          `SELECT count(*) AS n FROM ${inbox} WHERE id = ANY($1) AND status = 'done'`,
          [ids],
        )
        return Number(rows[0]?.n) === ids.length
      },
      40_000,
    ).catch(async (error: Error) => {
      const { rows } = await db.query(
        `SELECT status, attempts, available_at - now() AS due_in, last_error FROM ${inbox} WHERE id = ANY($1) AND status <> 'done' LIMIT 5`,
        [ids],
      )
      throw new Error(`${error.message}: ${JSON.stringify(rows)}\n${server.lines.slice(-15).join('\n')}`)
    })
    const { rows } = await db.query<{ event_id: string; n: string }>(
      `SELECT event_id, count(*) AS n FROM ${effects} WHERE event_id = ANY($1) GROUP BY event_id`,
      [ids],
    )
    const runs = new Map(rows.map((row) => [row.event_id, Number(row.n)]))
    return {
      lost: ids.filter((id) => !runs.has(id)).length,
      twice: [...runs.values()].filter((n) => n > 1).length,
    }
  }

  async function underFault(
    name: string,
    prefix: string,
    inject: () => void,
    heal: () => void,
    holdMs: number,
  ) {
    const traffic = sendTraffic({ url: () => server.url, count: 300, prefix })
    await waitFor(
      'a third acknowledged',
      () => traffic.tracked.filter((t) => t.acknowledgedAt).length >= 100,
    ).catch((error: Error) => {
      const all = answersBetween(traffic.tracked, 0, Date.now())
      throw new Error(`${error.message}: ${JSON.stringify(all)}\n${server.lines.slice(-20).join('\n')}`)
    })
    const faultAt = Date.now()
    inject()
    await sleep(holdMs)
    const healAt = Date.now()
    heal()
    await waitFor(
      'every delivery acknowledged',
      async () => {
        await Promise.race([traffic.done, sleep(100)])
        return traffic.tracked.every((t) => t.acknowledgedAt !== undefined)
      },
      40_000,
    ).catch((error: Error) => {
      traffic.stop()
      const left = traffic.tracked.filter((t) => !t.acknowledgedAt).length
      const after = answersBetween(traffic.tracked, healAt, Date.now())
      throw new Error(`${error.message}: ${left} left; after healing ${JSON.stringify(after)}`)
    })
    const during = answersBetween(traffic.tracked, faultAt, healAt)
    const recoveredAt = firstAcknowledgedAfter(traffic.tracked, healAt)
    const { lost, twice } = await settled(traffic.tracked.map((t) => t.id))
    const allDoneMs = Date.now() - healAt
    const measured = {
      faultMs: healAt - faultAt,
      answersDuringFault: during.byStatus,
      slowestAnswerMs: during.slowestMs,
      recoveryMs: recoveredAt === undefined ? undefined : recoveredAt - healAt,
      allDoneMs,
      acknowledged: traffic.tracked.length,
      lost,
      twice,
      crashed: server.exited,
    }
    record(name, measured)
    return measured
  }

  const only = (statuses: Record<string, number>, allowed: readonly string[]) =>
    Object.keys(statuses).filter((status) => !allowed.includes(status))

  it('every connection reset: answers 503 while it cannot store, recovers, loses and repeats nothing', async () => {
    const m = await underFault(
      'postgres: connections reset',
      'reset',
      () => proxy.set('reset'),
      () => proxy.set('pass'),
      3000,
    )
    expect(m).toMatchObject({ lost: 0, twice: 0, crashed: false })
    expect(only(m.answersDuringFault, ['200', '503'])).toEqual([])
    expect(m.answersDuringFault['503']).toBeGreaterThan(0)
    expect(m.recoveryMs).toBeDefined()
  }, 90_000)

  it('a blackholed database: answers 503 inside AIRudder’s 10 s instead of hanging, and is not wedged afterwards', async () => {
    const m = await underFault(
      'postgres: blackhole',
      'blackhole',
      () => proxy.set('blackhole'),
      () => proxy.set('pass'),
      6000,
    )
    expect(m).toMatchObject({ lost: 0, twice: 0, crashed: false })
    expect(only(m.answersDuringFault, ['200', '503'])).toEqual([])
    expect(m.answersDuringFault['503']).toBeGreaterThan(0)
    expect(m.slowestAnswerMs).toBeLessThan(10_000) // AIRudder's window: the receiver's deadline is 9 s
    expect(m.recoveryMs).toBeDefined()
  }, 90_000)

  it('slow round trips (100 ms each way): every delivery still stored and run once', async () => {
    const m = await underFault(
      'postgres: 100 ms delay',
      'delay',
      () => proxy.delay(100),
      () => proxy.delay(0),
      3000,
    )
    expect(m).toMatchObject({ lost: 0, twice: 0, crashed: false })
    expect(only(m.answersDuringFault, ['200'])).toEqual([])
  })
})
