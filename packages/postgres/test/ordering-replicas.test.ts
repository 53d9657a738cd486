/**
 * Ordering keys across replicas: two inboxes on one table, each with its own pool (its own
 * connections, as two app replicas have), each claim one entry at the same moment, round after round. The
 * database, not either process, keeps one entry per key in hand, oldest first by its own time.
 */
import type { InboxEntry } from '@airudder-webhooks/core'
import type { NewInboxEntry } from '@airudder-webhooks/core/inbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPostgresInbox, migrate, type PostgresInbox } from '../src/index'
import { dropTables, freshTable, hasDatabase, testPool } from './support/database'

const KEYS = ['callid:a', 'callid:b', 'callid:c']
const STATES = ['CALLING', 'RINGING', 'ANSWERED', 'HANGUP', 'TALKRESULT']
const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, seconds))

/** The dialer's five states of each call, stored newest first (as retries make them arrive). */
const entries = (): NewInboxEntry[] =>
  KEYS.flatMap((key) =>
    STATES.map((state, index) => ({
      id: `${key}/${state}`,
      type: 'pds.contact.status',
      raw: '{}',
      receivedAt: new Date(),
      verification: { status: 'skipped', reason: 'not-checked' } as const,
      orderingKey: key,
      orderedAt: at(index),
    })),
  ).reverse()

describe.runIf(hasDatabase)('ordering keys across PostgreSQL replicas', () => {
  const pools = [testPool(4), testPool(4)]
  const table = freshTable('order')
  let replicas: PostgresInbox[] = []

  beforeAll(async () => {
    await migrate(pools[0] as (typeof pools)[0], { table })
    replicas = pools.map((pool) => createPostgresInbox({ pool, table }))
  })
  afterAll(async () => {
    await dropTables(pools[0] as (typeof pools)[0], [table])
    for (const pool of pools) await pool.end()
  })

  it('holds one entry per key across both replicas, and runs each key oldest first', async () => {
    for (const entry of entries()) await replicas[0]?.add(entry)
    const ranPerKey = new Map<string, string[]>(KEYS.map((key) => [key, []]))
    const claimedBy = [0, 0]
    for (let round = 0; round < 40 && [...ranPerKey.values()].flat().length < 15; round++) {
      const claims = await Promise.all(replicas.map((replica) => replica.claim(1, 60_000)))
      const held = claims.flat()
      const keysHeld = held.map((entry) => entry.orderingKey)
      expect(new Set(keysHeld).size).toBe(keysHeld.length)
      for (const [index, claimed] of claims.entries()) {
        claimedBy[index] = (claimedBy[index] ?? 0) + claimed.length
        for (const lease of claimed) {
          ranPerKey.get(lease.orderingKey as string)?.push(lease.id.split('/')[1] as string)
          expect(await replicas[index]?.complete(lease as InboxEntry)).toBe(true)
        }
      }
    }
    for (const key of KEYS) expect(ranPerKey.get(key)).toEqual(STATES)
    // Both replicas took part: the guarantee is the database's, not one process's.
    expect(claimedBy.every((count) => count > 0)).toBe(true)
  })
})
