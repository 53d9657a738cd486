import { runReconcileStoreContract } from '@airudder-webhooks/conformance'
import { afterAll, describe } from 'vitest'
import { createPostgresReconcileStore, migrate } from '../src/index'
import { dropTables, freshTable, hasDatabase, testPool } from './support/database'

describe.runIf(hasDatabase)('PostgreSQL reconcile store', () => {
  const pool = testPool()
  const tables: string[] = []
  afterAll(async () => {
    await dropTables(pool, tables)
    await pool.end()
  })
  runReconcileStoreContract('postgres', async () => {
    const table = freshTable('reconcile')
    tables.push(table)
    await migrate(pool, { table })
    return createPostgresReconcileStore({ pool, table })
  })
})
