/**
 * @module
 * `createMemoryInbox()`: the inbox contract in memory. It is the reference the durable inboxes
 * are tested against and handy in tests; it is NOT durable (a restart loses everything).
 */

import type { Inbox, InboxEntry, InboxLease, NewInboxEntry } from '../webhooks/inbox-contract'
import { matchesListOptions, statsOf } from './query'

const orderOf = (e: InboxEntry) => (e.orderedAt ?? e.receivedAt).getTime()

/** No other entry of its ordering key is held by a processor, or older and not yet done. */
function isNextOfItsKey(entry: InboxEntry, open: readonly InboxEntry[], at: Date): boolean {
  if (entry.orderingKey === undefined) return true
  return !open.some(
    (other) =>
      other !== entry &&
      other.orderingKey === entry.orderingKey &&
      ((other.status === 'processing' && other.availableAt > at) ||
        orderOf(other) < orderOf(entry) ||
        (orderOf(other) === orderOf(entry) && other.receivedAt < entry.receivedAt)),
  )
}

export function createMemoryInbox(now: () => Date = () => new Date()): Inbox {
  const entries = new Map<string, InboxEntry>()
  const update = (id: string, change: Partial<InboxEntry>) => {
    const entry = entries.get(id)
    if (entry) entries.set(id, { ...entry, ...change, updatedAt: now() })
  }
  /** Settles an entry only for the processor whose claim is still the latest. */
  const settle = (lease: InboxLease, change: Partial<InboxEntry>) => {
    const entry = entries.get(lease.id)
    if (entry?.status !== 'processing' || entry.attempts !== lease.attempts) return false
    update(lease.id, change)
    return true
  }
  return {
    async add(entry: NewInboxEntry) {
      if (entries.has(entry.id)) return 'duplicate'
      const at = now()
      entries.set(entry.id, {
        ...entry,
        status: 'pending',
        attempts: 0,
        availableAt: at,
        lastError: undefined,
        updatedAt: at,
      })
      return 'stored'
    },
    async claim(limit, leaseMs) {
      const at = now()
      const open = [...entries.values()].filter((e) => e.status === 'pending' || e.status === 'processing')
      const due = open
        .filter((e) => e.availableAt <= at && isNextOfItsKey(e, open, at))
        .sort((a, b) => a.availableAt.getTime() - b.availableAt.getTime())
        .slice(0, limit)
      return due.map((entry) => {
        const claimed: InboxEntry = {
          ...entry,
          status: 'processing',
          attempts: entry.attempts + 1,
          availableAt: new Date(at.getTime() + leaseMs),
          updatedAt: at,
        }
        entries.set(entry.id, claimed)
        return claimed
      })
    },
    async complete(lease) {
      return settle(lease, { status: 'done', lastError: undefined })
    },
    async fail(lease, error, retryAt) {
      return settle(
        lease,
        retryAt
          ? { status: 'pending', lastError: error, availableAt: retryAt }
          : { status: 'dead', lastError: error },
      )
    },
    async release(leases) {
      let released = 0
      for (const lease of leases) released += Number(settle(lease, { status: 'pending', availableAt: now() }))
      return released
    },
    async get(id) {
      return entries.get(id)
    },
    async list(options = {}) {
      return [...entries.values()]
        .filter((e) => matchesListOptions(e, options))
        .sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime())
        .slice(0, options.limit ?? 100)
    },
    async stats() {
      return statsOf(entries.values())
    },
    async requeue(id) {
      const status = entries.get(id)?.status
      if (status !== 'dead' && status !== 'done') return false
      update(id, { status: 'pending', attempts: 0, availableAt: now(), lastError: undefined })
      return true
    },
    async requeueDead(type) {
      let requeued = 0
      for (const entry of entries.values()) {
        if (entry.status !== 'dead' || (type !== undefined && entry.type !== type)) continue
        update(entry.id, { status: 'pending', attempts: 0, availableAt: now(), lastError: undefined })
        requeued++
      }
      return requeued
    },
    async prune(before) {
      let removed = 0
      for (const [id, entry] of entries) {
        if (entry.status === 'done' && entry.updatedAt < before) removed += Number(entries.delete(id))
      }
      return removed
    },
  }
}
