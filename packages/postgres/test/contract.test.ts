/**
 * The shared inbox contract against the PostgreSQL inbox, on a freshly migrated table for every
 * test. Runs when AIRUDDER_TEST_DATABASE_URL is set.
 */

import { runInboxContract } from '@airudder-webhooks/conformance'
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

  runInboxContract('postgres', async () => {
    const table = freshTable('contract')
    tables.push(table)
    await migrate(pool, { table })
    return createPostgresInbox({ pool, table })
  })
})
