/**
 * @module
 * The SQL migrations shipped in the package's `migrations/` folder (`NNN_name.sql`), written for
 * the default table `airudder_inbox` and renamed here for another table. Use them with your own
 * migration tool, or let `migrate()` apply them.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { DEFAULT_TABLE, tableName } from './table'

export interface Migration {
  readonly version: number
  /** The file name without its number and `.sql`, e.g. `create_inbox`. */
  readonly name: string
  /** The SQL, for the requested table. */
  readonly sql: string
}

/** Both the sources (src/) and the build (dist/) sit next to migrations/. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url))

const FILE = /^(\d+)_([a-z0-9_]+)\.sql$/
// The default table name wherever it starts an identifier (the table and its index names).
const DEFAULT_NAME = new RegExp(`\\b${DEFAULT_TABLE}(?=_|\\b)`, 'g')

export function readMigrations(table: string = DEFAULT_TABLE, dir: string = MIGRATIONS_DIR): Migration[] {
  const name = tableName(table)
  return readdirSync(dir)
    .flatMap((file) => {
      const match = FILE.exec(file)
      if (!match) return []
      const sql = readFileSync(`${dir}/${file}`, 'utf8').replace(DEFAULT_NAME, name)
      return [{ version: Number(match[1]), name: match[2] ?? file, sql }]
    })
    .sort((a, b) => a.version - b.version)
}
