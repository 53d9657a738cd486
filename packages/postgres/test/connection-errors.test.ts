/**
 * A terminated backend (database restart, network reset, an operator's pg_terminate_backend) while
 * a handler holds its transaction, or while connections sit idle in the pool: the attempt fails and
 * is retried, and no 'error' event escapes (vitest fails a run on an unhandled error).
 */

import { KEY, numberedRequest, waitFor } from '@airudder-webhooks/conformance'
import { createWebhooks } from '@airudder-webhooks/core'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { createPostgresInbox, migrate } from '../src/index'
import { DATABASE_URL, dropTables, freshTable, hasDatabase } from './support/database'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe.runIf(hasDatabase)('postgres inbox under connection errors', () => {
  const application_name = freshTable('conn_errors')
  const table = freshTable('conn_errors')
  // No pool.on('error') of our own: the inbox must make a dying connection harmless by itself.
  const pool = new pg.Pool({
    connectionString: DATABASE_URL,
    max: 4,
    application_name,
    connectionTimeoutMillis: 2000,
  })
  const admin = new pg.Pool({ connectionString: DATABASE_URL, max: 1 })
  afterAll(async () => {
    await dropTables(admin, [table])
    await pool.end()
    await admin.end()
  })
  const terminate = (where: string, values: unknown[]) =>
    admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE ${where}`, values)

  it('fails the attempt whose backend was terminated mid-handler, retries it, and keeps the process up', async () => {
    await migrate(admin, { table })
    const inbox = createPostgresInbox({ pool, table })
    const webhooks = createWebhooks({
      key: KEY,
      inbox,
      logger: false,
      processing: { pollMs: 10, retry: { baseMs: 20, jitter: 0 } },
    })
    const attempts: string[] = []
    webhooks.on('workflow.call.completed', async (_event, { tx, entry }) => {
      const { rows } = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')
      if (entry.attempts === 1) {
        await terminate('pid = $1', [rows[0]?.pid])
        // The 'error' event arrives while no query runs: the case that used to crash the process.
        await sleep(200)
      }
      await tx.query('SELECT 1')
      attempts.push(`attempt ${entry.attempts} committed`)
    })
    const { id, request } = numberedRequest(1, 'terminated')
    expect((await webhooks.handle(request)).status).toBe(200)
    await waitFor('the retry to finish', async () => (await inbox.get(id))?.status === 'done')
    expect(attempts).toEqual(['attempt 2 committed'])
    expect(await inbox.get(id)).toMatchObject({ status: 'done', attempts: 2 })

    // Idle connections of the pool terminated: the next store and claim use fresh ones.
    await terminate('application_name = $1', [application_name])
    await sleep(200)
    const next = numberedRequest(2, 'terminated')
    expect((await webhooks.handle(next.request)).status).toBe(200)
    await waitFor('the next event', async () => (await inbox.get(next.id))?.status === 'done')
    await webhooks.close()
  })
})
