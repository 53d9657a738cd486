/**
 * @module
 * One event: status, attempts, last error, how it was verified, its timings, the payload (personal
 * fields masked until the viewer reveals them), and requeue when it is dead or done.
 */
import type { InboxEntry } from '@airudder-webhooks/core'
import { age, showError, showPayload, utc } from '../format'
import { type Html, html } from '../html'
import { statusBadge } from './overview'

export interface EventModel {
  readonly entry: InboxEntry
  readonly reveal: boolean
  readonly csrf: string
  readonly now: number
}

function verification(entry: InboxEntry): string {
  const v = entry.verification
  if (v.status === 'skipped') return `skipped (${v.reason})`
  return `verified by ${v.method}${v.keyIndex === undefined ? '' : ` (key ${v.keyIndex + 1})`}`
}

export function eventPage(model: EventModel): Html {
  const { entry, reveal, csrf, now } = model
  const href = `?view=event&id=${encodeURIComponent(entry.id)}`
  const error = showError(entry.lastError, entry.raw, reveal)
  const requeue =
    entry.status === 'dead' || entry.status === 'done'
      ? html`<form method="post" class="inline"><input type="hidden" name="csrf" value="${csrf}"><input type="hidden" name="action" value="requeue"><input type="hidden" name="id" value="${entry.id}"><button type="submit" data-busy="Requeuing…">Requeue</button></form>`
      : html`<span class="muted">${entry.status === 'pending' ? 'Waiting for the processor.' : 'A processor holds it now.'}</span>`
  const toggle = reveal
    ? html`<a href="${href}">Hide personal data</a>`
    : html`<a href="${href}&reveal=1">Reveal personal data</a>`
  return html`<p><a href="?">← All events</a></p>
<section aria-labelledby="event"><h2 id="event">${statusBadge(entry.status)} <span class="mono">${entry.id}</span></h2>
<div class="actions">${requeue} <a href="${href}${reveal ? '&reveal=1' : ''}">Refresh</a></div>
<dl>
<dt>Type</dt><dd>${entry.type}</dd>
<dt>Status</dt><dd>${entry.status}</dd>
<dt>Attempts</dt><dd>${entry.attempts}</dd>
<dt>Last error</dt><dd>${error ? html`<code>${error}</code>` : html`<span class="muted">none</span>`}</dd>
<dt>Verification</dt><dd>${verification(entry)}</dd>
<dt>Received</dt><dd>${utc(entry.receivedAt)} <span class="muted">(${age(now - entry.receivedAt.getTime())} ago)</span></dd>
<dt>Last change</dt><dd>${utc(entry.updatedAt)} <span class="muted">(${age(entry.updatedAt.getTime() - entry.receivedAt.getTime())} after receipt)</span></dd>
<dt>${entry.status === 'processing' ? 'Lease ends' : 'Due'}</dt><dd>${entry.status === 'done' || entry.status === 'dead' ? '—' : utc(entry.availableAt)}</dd>
</dl></section>
<section aria-labelledby="payload"><h2 id="payload">Payload</h2><p class="muted">${
    reveal ? 'Personal data is shown. ' : 'Numbers and names are masked. '
  }${toggle}</p><pre tabindex="0" aria-label="Payload">${showPayload(entry.raw, reveal)}</pre></section>`
}

export function notFound(id: string): Html {
  return html`<p><a href="?">← All events</a></p><section class="error" role="alert"><h2>No such event</h2><p>No inbox entry has the id <code>${id}</code>. It may have been pruned.</p></section>`
}
