/**
 * @module
 * The SQLite inbox table: one row per idempotency id, dates as integer milliseconds, the
 * verification as JSON text, and an index that makes "what is due" a range scan. Created on open
 * (`CREATE … IF NOT EXISTS`): an embedded file has no separate migration step to forget.
 */
import type { Database } from 'better-sqlite3'

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/

/** The table name, checked so it can be spliced into SQL (it cannot be a bound parameter). */
export function tableName(table: string): string {
  if (!IDENTIFIER.test(table)) {
    throw new TypeError(
      '@airudder-webhooks/sqlite: table must be a plain SQL identifier (letters, digits, _), ' +
        `got ${JSON.stringify(table)}`,
    )
  }
  return table
}

export function createTable(db: Database, table: string): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS "${table}" (
      id TEXT PRIMARY KEY NOT NULL,
      type TEXT NOT NULL,
      raw TEXT NOT NULL,
      received_at INTEGER NOT NULL,
      verification TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('pending', 'processing', 'done', 'dead')),
      attempts INTEGER NOT NULL DEFAULT 0,
      available_at INTEGER NOT NULL,
      last_error TEXT,
      updated_at INTEGER NOT NULL,
      trace TEXT,
      ordering_key TEXT,
      ordered_at INTEGER
    );
    CREATE INDEX IF NOT EXISTS "${table}_status_available_at" ON "${table}" (status, available_at);
    CREATE INDEX IF NOT EXISTS "${table}_received_at" ON "${table}" (received_at);
  `)
  // A table created before later columns gets them now (SQLite has no ADD COLUMN IF NOT EXISTS):
  // the trace context (PostgreSQL's migration 004) and ordering keys (its migration 003).
  const columns = db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]
  if (!columns.some((column) => column.name === 'trace'))
    db.exec(`ALTER TABLE "${table}" ADD COLUMN trace TEXT`)
  if (!columns.some((column) => column.name === 'ordering_key')) {
    db.exec(
      `ALTER TABLE "${table}" ADD COLUMN ordering_key TEXT; ALTER TABLE "${table}" ADD COLUMN ordered_at INTEGER`,
    )
  }
  db.exec(
    `CREATE INDEX IF NOT EXISTS "${table}_ordering" ON "${table}" (ordering_key, ordered_at) WHERE ordering_key IS NOT NULL`,
  )
}
