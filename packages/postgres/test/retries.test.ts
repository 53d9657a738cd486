/**
 * Retries, dead entries and requeue through `createWebhooks` with the PostgreSQL inbox.
 */

import { runRetryScenarios } from '@airudder-webhooks/conformance'
import { afterAll, describe } from 'vitest'
import { createPostgresInbox, migrate } from '../src/index'
import { dropTables, freshTable, hasDatabase, testPool } from './support/database'

describe.runIf(hasDatabase)('postgres', () => {
  const pool = testPool()
  const tables: string[] = []
  afterAll(async () => {
    await dropTables(pool, tables)
    await pool.end()
  })

  runRetryScenarios('postgres', async () => {
    const table = freshTable('retries')
    tables.push(table)
    await migrate(pool, { table })
    return createPostgresInbox({ pool, table })
  })
})
