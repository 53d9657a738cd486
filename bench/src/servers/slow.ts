/**
 * Hono with slow handlers (`SLOW_DELAY_MS` each): `/inline` runs them before answering, `/inbox`
 * stores in a SQLite inbox (`SLOW_INBOX`, a file path) and answers at once while a processor runs
 * them `SLOW_CONCURRENCY` at a time. `GET /stats` counts the inbox's entries by status with SQL on a
 * read-only connection (`inbox.list` would load thousands of bodies just to count them).
 */
import { createWebhooks } from '@airudder-webhooks/core'
import { airudder } from '@airudder-webhooks/hono'
import { createSqliteInbox } from '@airudder-webhooks/sqlite'
import { serve } from '@hono/node-server'
import Database from 'better-sqlite3'
import { Hono } from 'hono'
import { KEY } from '../kit'

const delayMs = Number(process.env.SLOW_DELAY_MS ?? 2000)
const concurrency = Number(process.env.SLOW_CONCURRENCY ?? 16)
const path = process.env.SLOW_INBOX
if (!path) throw new Error('@airudder-webhooks/bench: set SLOW_INBOX to the SQLite file to use')

const slowHandler = () => new Promise<void>((resolve) => setTimeout(resolve, delayMs))

const inline = createWebhooks({ key: KEY, logger: false })
inline.on('workflow.call.completed', slowHandler)

const inbox = createSqliteInbox({ path })
const stored = createWebhooks({ key: KEY, logger: false, inbox, processing: { concurrency } })
stored.on('workflow.call.completed', slowHandler)

const reader = new Database(path, { readonly: true })
const countByStatus = reader.prepare<[], { status: string; n: number }>(
  'SELECT status, count(*) AS n FROM airudder_inbox GROUP BY status',
)

const app = new Hono()
app.post('/inline', airudder(inline))
app.post('/inbox', airudder(stored))
app.get('/stats', (c) => {
  const counts: Record<string, number> = { pending: 0, processing: 0, done: 0, dead: 0 }
  for (const { status, n } of countByStatus.all()) counts[status] = n
  return c.json(counts)
})
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, () => console.log('ready'))
process.once('SIGTERM', () => {
  stored.processor
    ?.stop()
    .then(() => inbox.close())
    .then(() => reader.close())
    .finally(() => process.exit(0))
})
