/**
 * The `airudder-webhooks-postgres` command: help, clear usage errors with exit code 2, database
 * failures with 1, and `migrate` against a real database.
 */
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli, USAGE } from '../src/cli/run'
import { DATABASE_URL, dropTables, freshTable, hasDatabase, testPool } from './support/database'

const packageDir = fileURLToPath(new URL('..', import.meta.url))
const tsxCli = createRequire(
  new URL('../../../examples/express-server/package.json', import.meta.url),
).resolve('tsx/cli')

async function run(argv: string[], env: Record<string, string> = {}) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(argv, { out: (text) => out.push(text), err: (text) => err.push(text), env })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

describe('airudder-webhooks-postgres', () => {
  it('prints its usage with --help and -h', async () => {
    for (const flag of ['--help', '-h']) {
      expect(await run([flag])).toEqual({ code: 0, out: USAGE, err: '' })
    }
  })

  it.each([
    [[], /no command given/],
    [['seed'], /unknown command "seed"/],
    [['migrate', 'now'], /unknown command "migrate now"/],
    [['migrate', '--bogus'], /Unknown option '--bogus'/],
    [['migrate'], /no database: pass --url postgres:\/\/… or set DATABASE_URL/],
    [['migrate', '--url', 'mysql://localhost/db'], /--url must start with postgres:\/\//],
    [['migrate', '--url', 'postgres://localhost/db', '--table', 'Bad Name'], /table must be a lowercase/],
  ])('exits 2 on a usage error: %j', async (argv, message) => {
    const result = await run(argv)
    expect(result.code).toBe(2)
    expect(result.err).toMatch(message)
    expect(result.out).toBe('')
  })

  it('exits 1 with the database error, and never prints the password', async () => {
    const result = await run(['migrate', '--url', 'postgres://app:hunter2@127.0.0.1:1/db'])
    expect(result.code).toBe(1)
    expect(result.err).toMatch(
      /migrating airudder_inbox at postgres:\/\/app:\*\*\*@127\.0\.0\.1:1\/db failed: /,
    )
    expect(result.err).not.toContain('hunter2')
  })

  it('sets the exit code of a real process', () => {
    const result = spawnSync(process.execPath, [tsxCli, 'src/cli.ts', 'migrate'], {
      cwd: packageDir,
      env: { ...process.env, DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 20_000,
    })
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(/no database/)
  })
})

describe.runIf(hasDatabase)('airudder-webhooks-postgres migrate on PostgreSQL', () => {
  const pool = testPool(2)
  const table = freshTable('cli')
  afterAll(async () => {
    await dropTables(pool, [table])
    await pool.end()
  })

  it('applies the migrations once, from --url or DATABASE_URL', async () => {
    const first = await run(['migrate', '--url', DATABASE_URL, '--table', table])
    expect(first).toMatchObject({ code: 0, err: '' })
    expect(first.out).toMatch(
      new RegExp(
        `^applied 001_create_inbox, 002_create_reconcile_tasks, 003_ordering_keys, 004_inbox_trace to ${table} at postgres://`,
      ),
    )
    expect(await run(['migrate', '--table', table], { DATABASE_URL })).toEqual({
      code: 0,
      out: `${table} is up to date`,
      err: '',
    })
  })
})
