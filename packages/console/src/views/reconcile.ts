/**
 * @module
 * The reconciliation report, one row per tracked task: how many calls AIRudder's pull API has, how
 * many arrived by push, how many were recovered from the pull, how many are still missing or not
 * yet handled, and when it is pulled next.
 */
import { age, utc } from '../format'
import { type Html, html } from '../html'

/** One tracked task as the console reads it: what `ReconcileStore.list()` in `@airudder-webhooks/client` returns. */
export interface ReconcileTask {
  readonly taskId: string
  readonly state: string
  readonly source: string
  readonly dueAt: Date
  readonly attempts: number
  readonly lastSeenAt: Date
  readonly lastError: string | undefined
  readonly report:
    | {
        readonly taskStatus: string
        readonly pulledAt: Date
        readonly pulled: number
        readonly pushed: number
        readonly recovered: number
        readonly missing: number
        readonly handled: number
      }
    | undefined
}

/** Where the console reads reconciliation from: a reconcile store (`createSqliteReconcileStore`, …). */
export interface ReconcileSource {
  list(options?: { readonly limit?: number | undefined }): Promise<readonly ReconcileTask[]>
}

export function reconcilePage(tasks: readonly ReconcileTask[], now: number): Html {
  if (tasks.length === 0) {
    return html`<section aria-labelledby="rec"><h2 id="rec">Reconciliation</h2><p class="empty" role="status">No task is tracked yet: tasks appear here once a call result names them.</p></section>`
  }
  const rows = tasks.map((task) => {
    const r = task.report
    const search = `?q=${encodeURIComponent(task.taskId)}`
    return html`<tr><th scope="row"><a class="mono" href="${search}">${task.taskId}</a></th><td>${task.state}${
      task.lastError
        ? html`<br><span class="status status-dead">error</span> <code>${task.lastError}</code>`
        : ''
    }</td>
<td class="num">${r?.pulled ?? '—'}</td><td class="num">${r?.pushed ?? '—'}</td><td class="num">${r?.recovered ?? '—'}</td>
<td class="num">${r ? (r.missing > 0 ? html`<span class="status status-dead">${r.missing}</span>` : '0') : '—'}</td><td class="num">${r?.handled ?? '—'}</td>
<td class="hide-narrow">${r ? html`${utc(r.pulledAt)} <span class="muted">(${r.taskStatus})</span>` : 'not yet'}</td>
<td class="hide-narrow">${task.state === 'reconciled' ? '—' : `${utc(task.dueAt)} (in ${age(task.dueAt.getTime() - now)})`}</td></tr>`
  })
  return html`<section aria-labelledby="rec"><h2 id="rec">Reconciliation <span class="muted">(${tasks.length} tasks)</span></h2>
<p class="muted">Calls AIRudder's pull API lists for each task, against those that reached the inbox.</p><div class="table"><table>
<thead><tr><th scope="col">task</th><th scope="col">state</th><th scope="col" class="num">pulled</th><th scope="col" class="num">pushed</th><th scope="col" class="num">recovered</th><th scope="col" class="num">missing</th><th scope="col" class="num">handled</th><th scope="col" class="hide-narrow">last pull</th><th scope="col" class="hide-narrow">next pull</th></tr></thead>
<tbody>${rows}</tbody></table></div></section>`
}
