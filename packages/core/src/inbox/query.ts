/**
 * @module
 * The inbox's query side, written once for the in-memory inbox and for anyone implementing the
 * contract over a store without a query language: the statuses in display order, what a list
 * filter means for one entry, and the stats of a set of entries.
 */
import type { InboxEntry, InboxListOptions, InboxStats, InboxStatus } from '../webhooks/inbox-contract'

/** Every status, in the order an entry moves through them. */
export const INBOX_STATUSES = [
  'pending',
  'processing',
  'done',
  'dead',
] as const satisfies readonly InboxStatus[]

/** Whether an entry passes every filter of `options` (`limit` aside). */
export function matchesListOptions(entry: InboxEntry, options: InboxListOptions): boolean {
  if (options.status !== undefined && entry.status !== options.status) return false
  if (options.type !== undefined && entry.type !== options.type) return false
  if (options.receivedAfter !== undefined && entry.receivedAt < options.receivedAfter) return false
  if (options.receivedBefore !== undefined && entry.receivedAt >= options.receivedBefore) return false
  if (options.search) {
    const needle = options.search.toLowerCase()
    return entry.id.toLowerCase().includes(needle) || entry.raw.toLowerCase().includes(needle)
  }
  return true
}

/** Orders count rows by type, then by status in `INBOX_STATUSES` order. */
export function compareCounts(
  a: { readonly type: string; readonly status: InboxStatus },
  b: { readonly type: string; readonly status: InboxStatus },
): number {
  if (a.type !== b.type) return a.type < b.type ? -1 : 1
  return INBOX_STATUSES.indexOf(a.status) - INBOX_STATUSES.indexOf(b.status)
}

/** The stats of entries held in memory. */
export function statsOf(entries: Iterable<InboxEntry>): InboxStats {
  const counts = new Map<string, { type: string; status: InboxStatus; count: number }>()
  let oldestPendingAt: Date | undefined
  for (const entry of entries) {
    const key = `${entry.status} ${entry.type}`
    const row = counts.get(key) ?? { type: entry.type, status: entry.status, count: 0 }
    row.count++
    counts.set(key, row)
    if (entry.status === 'pending' && (!oldestPendingAt || entry.receivedAt < oldestPendingAt)) {
      oldestPendingAt = entry.receivedAt
    }
  }
  return { counts: [...counts.values()].sort(compareCounts), oldestPendingAt }
}
