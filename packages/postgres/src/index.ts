/**
 * @module
 * `@airudder-webhooks/postgres`: the durable AIRudder webhook inbox for several app replicas
 * sharing one PostgreSQL database. Migrations are applied explicitly, never at import.
 *
 * ```ts
 * import pg from 'pg'
 * import { createWebhooks } from '@airudder-webhooks/core'
 * import { createPostgresInbox, migrate } from '@airudder-webhooks/postgres'
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL })
 * await migrate(pool)
 * const webhooks = createWebhooks({ key, inbox: createPostgresInbox({ pool }) })
 * ```
 *
 * The `airudder-webhooks-postgres migrate` command is the package's bin, not part of this entry.
 */
export { type MigrateOptions, type MigrateResult, migrate } from './migrate'
export { type Migration, readMigrations } from './migrations'
export { createPostgresInbox, type PostgresInbox, type PostgresInboxOptions } from './postgres-inbox'
export { createPostgresReconcileStore, type PostgresReconcileStoreOptions } from './reconcile-store'
