/**
 * Handlers run in the transaction that marks their entry done: what they write through
 * `context.tx` commits with the completion, or is rolled back with a failure; a processor whose
 * lease was taken over runs nothing.
 */
import { KEY, numberedDelivery, numberedRequest, sleep, waitFor } from '@airudder-webhooks/conformance'
import { createWebhooks } from '@airudder-webhooks/core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createPostgresInbox, migrate, type PostgresInbox } from '../src/index'
import { dropTables, freshTable, hasDatabase, testPool } from './support/database'

const processing = { retry: { baseMs: 40, jitter: 0 }, maxAttempts: 3, pollMs: 10 }

describe.runIf(hasDatabase)('postgres inbox transactions', () => {
  const pool = testPool(8)
  const table = freshTable('tx')
  const effects = `${table}_fx`
  let inbox: PostgresInbox
  const stops: (() => Promise<void>)[] = []

  beforeAll(async () => {
    await migrate(pool, { table })
    await pool.query(`CREATE TABLE ${effects} (event_id text NOT NULL, attempt integer NOT NULL)`)
    inbox = createPostgresInbox({ pool, table })
  })
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop()
    await pool.query(`TRUNCATE ${table}, ${effects}`)
  })
  afterAll(async () => {
    await dropTables(pool, [table, effects])
    await pool.end()
  })

  const effectsOf = async (id: string) =>
    (
      await pool.query<{ attempt: number }>(
        `SELECT attempt FROM ${effects} WHERE event_id = $1 ORDER BY attempt`,
        [id],
      )
    ).rows.map((row) => row.attempt)

  /** An entry stored directly, for tests that drive the inbox by hand. */
  const stored = async (n: number) => {
    const { id, body } = numberedDelivery(n, 'tx')
    const verification = { status: 'skipped', reason: 'not-checked' } as const
    await inbox.add({ id, type: 'workflow.call.completed', raw: body, receivedAt: new Date(), verification })
    return id
  }

  const receiver = () => {
    const webhooks = createWebhooks({ key: KEY, inbox, logger: false, processing })
    stops.push(async () => webhooks.processor?.stop())
    const deliver = async (n: number) => {
      const { id, request } = numberedRequest(n, 'tx')
      expect((await webhooks.handle(request)).status).toBe(200)
      return id
    }
    return { webhooks, deliver }
  }

  it('commits what a handler writes through tx together with the completion', async () => {
    const { webhooks, deliver } = receiver()
    webhooks.on('workflow.call.completed', async (event, { entry, tx }) => {
      await tx.query(`INSERT INTO ${effects} (event_id, attempt) VALUES ($1, $2)`, [event.id, entry.attempts])
    })
    const id = await deliver(1)
    await waitFor('the entry to be done', async () => (await inbox.get(id))?.status === 'done')
    expect(await effectsOf(id)).toEqual([1])
  })

  it("rolls a failed attempt's writes back, and keeps only the attempt that succeeded", async () => {
    const { webhooks, deliver } = receiver()
    webhooks.on('workflow.call.completed', async (event, { entry, tx }) => {
      await tx.query(`INSERT INTO ${effects} (event_id, attempt) VALUES ($1, $2)`, [event.id, entry.attempts])
      if (entry.attempts < 3) throw new Error(`CRM timeout on attempt ${entry.attempts}`)
    })
    const id = await deliver(2)
    await waitFor('the entry to be done', async () => (await inbox.get(id))?.status === 'done')
    expect(await inbox.get(id)).toMatchObject({ status: 'done', attempts: 3, lastError: undefined })
    expect(await effectsOf(id)).toEqual([3])
  })

  it('counts a handler that broke the transaction (and swallowed the error) as a failed attempt', async () => {
    const { webhooks, deliver } = receiver()
    webhooks.on('workflow.call.completed', async (event, { entry, tx }) => {
      await tx.query(`INSERT INTO ${effects} (event_id, attempt) VALUES ($1, $2)`, [event.id, entry.attempts])
      if (entry.attempts === 1) await tx.query('SELECT * FROM no_such_table').catch(() => undefined)
    })
    const id = await deliver(3)
    await waitFor('the entry to be done', async () => (await inbox.get(id))?.status === 'done')
    expect(await inbox.get(id)).toMatchObject({ status: 'done', attempts: 2 })
    expect(await effectsOf(id)).toEqual([2])
  })

  it('runs nothing for a lease another processor has taken over, and lets that one finish', async () => {
    const id = await stored(4)
    const [stale] = await inbox.claim(1, 20)
    await sleep(50)
    const [current] = await inbox.claim(1, 60_000)
    if (!stale || !current) throw new Error('expected both claims to lease the entry')
    let ran = false
    expect(
      await inbox.transact(stale, async () => {
        ran = true
        return true
      }),
    ).toBe('lost')
    expect(ran).toBe(false)
    expect(await inbox.transact(current, async () => false)).toBe('rolled_back')
    expect(await inbox.get(id)).toMatchObject({ status: 'processing', attempts: 2 })
    expect(await inbox.transact(current, async () => true)).toBe('done')
    expect(await inbox.get(id)).toMatchObject({ status: 'done', attempts: 2 })
  })

  it('keeps a running entry locked: a claim after its lease ran out skips it', async () => {
    const id = await stored(5)
    const [lease] = await inbox.claim(1, 20)
    if (!lease) throw new Error('expected a claim')
    const outcome = inbox.transact(lease, async () => {
      await sleep(100)
      expect(await inbox.claim(1, 60_000)).toEqual([])
      return true
    })
    expect(await outcome).toBe('done')
    expect(await inbox.get(id)).toMatchObject({ status: 'done', attempts: 1 })
  })
})
