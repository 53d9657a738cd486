/**
 * @module
 * The first page: counts by status and by type (each a link to that list), the age of the oldest
 * pending event, the filter and search form, the matching events, and per type a button that
 * requeues all its dead events.
 */
import type { InboxEntry } from '@airudder-webhooks/core'
import type { InboxStats } from '@airudder-webhooks/core/inbox'
import { INBOX_STATUSES } from '@airudder-webhooks/core/inbox'
import { type Filters, filterHref, isFiltered, PAGE_SIZE } from '../filters'
import { age, utc } from '../format'
import { type Html, html } from '../html'

export interface OverviewModel {
  readonly stats: InboxStats
  readonly entries: readonly InboxEntry[]
  readonly filters: Filters
  readonly csrf: string
  readonly now: number
}

export function statusBadge(status: string): Html {
  return html`<span class="status status-${status}">${status}</span>`
}

function totals(stats: InboxStats) {
  const byStatus = new Map<string, number>(INBOX_STATUSES.map((status) => [status, 0]))
  const byType = new Map<string, Map<string, number>>()
  for (const row of stats.counts) {
    byStatus.set(row.status, (byStatus.get(row.status) ?? 0) + row.count)
    const type = byType.get(row.type) ?? new Map<string, number>()
    type.set(row.status, row.count)
    byType.set(row.type, type)
  }
  return { byStatus, byType }
}

function counts(model: OverviewModel): Html {
  const { byStatus, byType } = totals(model.stats)
  const oldest = model.stats.oldestPendingAt
  const cards = html`<div class="cards" role="list" aria-label="Events by status">${INBOX_STATUSES.map(
    (status) =>
      html`<a role="listitem" href="${filterHref({ status })}"><span class="status status-${status}">${status}</span><strong>${byStatus.get(status) ?? 0}</strong></a>`,
  )}<a role="listitem" href="${filterHref({ status: 'pending' })}"><span class="muted">oldest pending</span><strong>${
    oldest ? age(model.now - oldest.getTime()) : '—'
  }</strong></a></div>`
  if (byType.size === 0) return cards
  const rows = [...byType].map(([type, statuses]) => {
    const dead = statuses.get('dead') ?? 0
    return html`<tr><th scope="row"><a href="${filterHref({ type })}">${type}</a></th>${INBOX_STATUSES.map(
      (status) =>
        html`<td class="num">${
          statuses.get(status)
            ? html`<a href="${filterHref({ type, status })}">${statuses.get(status)}</a>`
            : '0'
        }</td>`,
    )}<td>${
      dead > 0
        ? html`<form method="post" class="inline"><input type="hidden" name="csrf" value="${model.csrf}"><input type="hidden" name="action" value="requeue-dead"><input type="hidden" name="type" value="${type}"><button type="submit" class="secondary" data-busy="Requeuing…">Requeue ${dead} dead</button></form>`
        : ''
    }</td></tr>`
  })
  return html`${cards}<section aria-labelledby="by-type"><h2 id="by-type">By event type</h2><div class="table"><table>
<thead><tr><th scope="col">type</th>${INBOX_STATUSES.map((status) => html`<th scope="col" class="num">${status}</th>`)}<th scope="col"><span class="hide-narrow">actions</span></th></tr></thead>
<tbody>${rows}</tbody></table></div></section>`
}

function filterForm(model: OverviewModel, types: readonly string[]): Html {
  const { filters } = model
  const option = (value: string, selected: string | undefined) =>
    html`<option value="${value}"${value === selected ? html` selected` : ''}>${value}</option>`
  return html`<section aria-labelledby="find"><h2 id="find">Find events</h2><form class="filters" method="get" role="search">
<label>Search TaskID, CallID, CaseID, callid<input type="search" name="q" value="${filters.q ?? ''}" placeholder="e.g. cad907…" autocomplete="off"></label>
<label>Status<select name="status"><option value="">any</option>${INBOX_STATUSES.map((status) => option(status, filters.status))}</select></label>
<label>Type<select name="type"><option value="">any</option>${types.map((type) => option(type, filters.type))}</select></label>
<label>Received from (UTC)<input type="datetime-local" name="from" value="${filters.from ?? ''}"></label>
<label>Received before (UTC)<input type="datetime-local" name="to" value="${filters.to ?? ''}"></label>
<div class="actions"><button type="submit">Show</button>${isFiltered(filters) ? html`<a href="?">Clear</a>` : ''}</div>
</form></section>`
}

function list(model: OverviewModel): Html {
  const { entries, filters } = model
  if (entries.length === 0) {
    const empty = isFiltered(filters)
      ? html`No event matches these filters. <a href="?">Show all events</a>.`
      : html`The inbox is empty: no delivery has been stored yet.`
    return html`<section aria-labelledby="events"><h2 id="events">Events</h2><p class="empty" role="status">${empty}</p></section>`
  }
  const rows = entries.map(
    (
      entry,
    ) => html`<tr><td>${statusBadge(entry.status)}</td><td><a href="?view=event&amp;id=${encodeURIComponent(entry.id)}" class="mono">${entry.id}</a></td>
<td class="hide-narrow">${entry.type}</td><td class="num">${entry.attempts}</td><td class="hide-narrow">${utc(entry.receivedAt)}</td></tr>`,
  )
  const more =
    entries.length >= PAGE_SIZE
      ? html`<p class="muted">Showing the newest ${PAGE_SIZE}; narrow the filters to see others.</p>`
      : ''
  return html`<section aria-labelledby="events"><h2 id="events">Events <span class="muted">(${entries.length})</span></h2><div class="table"><table>
<thead><tr><th scope="col">status</th><th scope="col">id</th><th scope="col" class="hide-narrow">type</th><th scope="col" class="num">attempts</th><th scope="col" class="hide-narrow">received</th></tr></thead>
<tbody>${rows}</tbody></table></div>${more}</section>`
}

export function overview(model: OverviewModel): Html {
  const types = [...new Set(model.stats.counts.map((row) => row.type))]
  return html`${counts(model)}${filterForm(model, types)}${list(model)}`
}
