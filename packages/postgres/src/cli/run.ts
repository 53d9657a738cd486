/**
 * @module
 * The `airudder-webhooks-postgres` command: `migrate --url postgres://…` applies the shipped
 * migrations (see `migrate()`). Exit codes: 0 done, 1 the database refused or failed, 2 usage.
 */
import { parseArgs } from 'node:util'
import pg from 'pg'
import { migrate } from '../migrate'
import { DEFAULT_TABLE, tableName } from '../table'

export const USAGE = `Usage: airudder-webhooks-postgres migrate [--url <postgres://…>] [--table <name>]

Applies the @airudder-webhooks/postgres migrations that the inbox table has not had yet,
in one transaction under an advisory lock, and records them in airudder_inbox_migrations.

Options:
  --url <url>      PostgreSQL connection string (default: $DATABASE_URL)
  --table <name>   inbox table (default: ${DEFAULT_TABLE}); set the schema with ?options=-csearch_path=…
  -h, --help       show this help
`

export interface CliIo {
  readonly out: (text: string) => void
  readonly err: (text: string) => void
  readonly env: Readonly<Record<string, string | undefined>>
}

const processIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
}

/** The URL without its password, for messages. */
function redact(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return '(unparseable URL)'
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let parsed: ReturnType<typeof parse>
  const parse = () =>
    parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { url: { type: 'string' }, table: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    })
  try {
    parsed = parse()
  } catch (error) {
    io.err(`airudder-webhooks-postgres: ${messageOf(error)}\n\n${USAGE}`)
    return 2
  }
  const { values, positionals } = parsed
  if (values.help) {
    io.out(USAGE)
    return 0
  }
  const [command, ...extra] = positionals
  if (command !== 'migrate' || extra.length > 0) {
    const what = command === undefined ? 'no command given' : `unknown command "${positionals.join(' ')}"`
    io.err(`airudder-webhooks-postgres: ${what}\n\n${USAGE}`)
    return 2
  }
  const url = values.url ?? io.env.DATABASE_URL
  if (!url) {
    io.err('airudder-webhooks-postgres: no database: pass --url postgres://… or set DATABASE_URL')
    return 2
  }
  if (!/^postgres(ql)?:\/\//.test(url)) {
    io.err(
      `airudder-webhooks-postgres: --url must start with postgres:// or postgresql://, got ${redact(url)}`,
    )
    return 2
  }
  let table: string
  try {
    table = tableName(values.table ?? DEFAULT_TABLE)
  } catch (error) {
    io.err(messageOf(error))
    return 2
  }
  const pool = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 10_000 })
  try {
    const { applied } = await migrate(pool, { table })
    io.out(
      applied.length === 0
        ? `${table} is up to date`
        : `applied ${applied.join(', ')} to ${table} at ${redact(url)}`,
    )
    return 0
  } catch (error) {
    io.err(`airudder-webhooks-postgres: migrating ${table} at ${redact(url)} failed: ${messageOf(error)}`)
    return 1
  } finally {
    await pool.end().catch(() => undefined)
  }
}
