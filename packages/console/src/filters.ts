/**
 * @module
 * The list's filters as they travel in the page URL (so a filtered view can be bookmarked and
 * shared), read back into the inbox's list options.
 */
import type { InboxListOptions, InboxStatus } from '@airudder-webhooks/core/inbox'
import { INBOX_STATUSES } from '@airudder-webhooks/core/inbox'

export interface Filters {
  readonly status: InboxStatus | undefined
  readonly type: string | undefined
  /** `YYYY-MM-DDTHH:mm` in UTC, as a datetime-local input holds it. */
  readonly from: string | undefined
  readonly to: string | undefined
  readonly q: string | undefined
}

const PAGE_SIZE = 50

function text(params: URLSearchParams, name: string): string | undefined {
  const value = params.get(name)?.trim()
  return value ? value.slice(0, 200) : undefined
}

function time(value: string | undefined): Date | undefined {
  if (!value) return undefined
  const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`)
  return Number.isNaN(date.getTime()) ? undefined : date
}

export function readFilters(params: URLSearchParams): Filters {
  const status = params.get('status')
  return {
    status: INBOX_STATUSES.find((known) => known === status),
    type: text(params, 'type'),
    from: time(text(params, 'from')) ? text(params, 'from') : undefined,
    to: time(text(params, 'to')) ? text(params, 'to') : undefined,
    q: text(params, 'q'),
  }
}

export function listOptions(filters: Filters): InboxListOptions {
  return {
    status: filters.status,
    type: filters.type,
    receivedAfter: time(filters.from),
    receivedBefore: time(filters.to),
    search: filters.q,
    limit: PAGE_SIZE,
  }
}

export function isFiltered(filters: Filters): boolean {
  return Object.values(filters).some((value) => value !== undefined)
}

/** `?status=dead&type=…`: the overview with these filters. */
export function filterHref(filters: Partial<Filters>): string {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value)
  const query = params.toString()
  return query ? `?${query}` : '?'
}

export { PAGE_SIZE }
