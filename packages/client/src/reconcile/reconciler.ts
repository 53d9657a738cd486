/**
 * @module
 * `createReconciler({ webhooks, client, store })`: never lose a call result, even when AIRudder
 * gives up pushing it. It learns tasks from the pushes the receiver handles (and from `track`),
 * waits until a task should have pushed everything (a quiet period after its last push, or a
 * finished status), pulls the task detail, and feeds every call that never arrived into the
 * inbox as the `workflow.call.completed` delivery AIRudder would have pushed, with the same
 * idempotency id: each call's handlers run once whether it came by push, by pull, or both.
 *
 * ```ts
 * const webhooks = createWebhooks({ key, inbox: createSqliteInbox({ path: 'inbox.db' }) })
 * const reconcile = createReconciler({
 *   webhooks,
 *   client: createAirudderClient({ token: () => fetchToken() }),
 *   store: createSqliteReconcileStore({ path: 'inbox.db' }),
 * })
 * reconcile.onRecovered((report) => alert(`${report.recoveredCallIds.length} calls of ${report.taskId} recovered`))
 * ```
 */

import type { AirudderClient } from '../client'
import { type Inbox, type Logger, type RetryOptions, retryDelay } from '../core'
import { type SeenEvent, sightings } from './learn'
import { recount, recoverTask } from './recover'
import type { ReconcileReport, ReconcileStore, TrackedTask } from './store'

/** What the reconciler needs of `createWebhooks({ inbox })`'s receiver. */
export interface ReconcilerHost {
  readonly inbox: Inbox | undefined
  readonly processor: { notify(): void } | undefined
  readonly logger: Logger | undefined
  onAny(handler: (event: SeenEvent) => unknown): void
}

export interface ReconcilerOptions {
  /** The receiver, created with an inbox: recovered calls are added to it and run by its processor. */
  readonly webhooks: ReconcilerHost
  readonly client: Pick<AirudderClient, 'taskDetail'>
  /** Where tracked tasks live: the same database as the inbox, so a restart resumes. */
  readonly store: ReconcileStore
  /** How long after a task's last push it is pulled. Default 10 min (AIRudder retries for 5). */
  readonly quietMs?: number | undefined
  /** How long one pull may hold a task before another replica takes it over. Default 5 min. */
  readonly leaseMs?: number | undefined
  /** How often to look for due tasks. Default 5 s. */
  readonly pollMs?: number | undefined
  /** Tasks pulled at once by this process. Default 2. */
  readonly concurrency?: number | undefined
  /** Backoff after a failed pull (the client has retried already). Default 30 s doubling to 30 min. */
  readonly retry?: RetryOptions | undefined
  /** The KEY, to give recovered bodies a valid `Sign` (they are not verified again). */
  readonly key?: string | undefined
  /** Start the schedule at once. Default true. */
  readonly autoStart?: boolean | undefined
}

export interface Reconciler {
  readonly store: ReconcileStore
  /** Tracks a task you created (its pushes may all be lost); pulled after the quiet period, or at `dueAt`. */
  track(taskId: string, options?: { readonly dueAt?: Date | undefined }): Promise<void>
  /** Pulls one task now, outside the schedule; a dry run counts without adding anything. */
  reconcile(taskId: string, options?: { readonly dryRun?: boolean | undefined }): Promise<ReconcileReport>
  /** Pulls the tasks due now (one pass); returns how many were pulled. */
  runDue(): Promise<number>
  /** The last report of a task, recounted from the inbox now (`handled` grows as handlers finish). */
  report(taskId: string): Promise<ReconcileReport | undefined>
  /** Called after each pull that recovered calls, with its report. */
  onRecovered(listener: (report: ReconcileReport) => unknown): void
  readonly running: boolean
  start(): void
  /** Stops the schedule and waits for pulls in hand. */
  stop(): Promise<void>
}

/** AIRudder task statuses after which no call will be added. */
const FINAL_STATUSES = new Set(['finished', 'canceled', 'cancelled'])

const messageOf = (thrown: unknown) => (thrown instanceof Error ? thrown.message : String(thrown))

export function createReconciler(options: ReconcilerOptions): Reconciler {
  const { webhooks, client, store } = options
  const inbox = webhooks.inbox
  if (inbox === undefined) {
    throw new TypeError(
      '@airudder-webhooks/client: createReconciler needs a receiver with an inbox ' +
        '(createWebhooks({ inbox })): recovered calls are stored there so each runs once',
    )
  }
  const quietMs = options.quietMs ?? 10 * 60_000
  const leaseMs = options.leaseMs ?? 5 * 60_000
  const pollMs = options.pollMs ?? 5000
  const concurrency = options.concurrency ?? 2
  const retry = options.retry ?? { baseMs: 30_000, maxMs: 30 * 60_000, jitter: 0.3 }
  const logger = webhooks.logger
  const listeners = new Set<(report: ReconcileReport) => unknown>()
  let running = false
  let loop: Promise<void> | undefined
  let wake: (() => void) | undefined

  webhooks.onAny(async (event) => {
    // Bookkeeping never fails the delivery: a failure here would re-run the user's handlers.
    for (const { taskId, source, ended } of sightings(event)) {
      const now = Date.now()
      try {
        await store.track(taskId, {
          source,
          dueAt: new Date(ended ? now : now + quietMs),
          seenAt: new Date(now),
        })
      } catch (thrown) {
        logger?.error(`@airudder-webhooks/client: could not track task ${taskId}: ${messageOf(thrown)}`)
      }
    }
  })

  const recover = async (taskId: string, dryRun: boolean) => {
    const detail = await client.taskDetail(taskId)
    const report = await recoverTask(inbox, detail, { dryRun, key: options.key })
    if (report.recoveredCallIds.length > 0 && !dryRun) {
      webhooks.processor?.notify()
      logger?.warn(
        `@airudder-webhooks/client: recovered ${report.recoveredCallIds.length} call(s) of task ${taskId} ` +
          `that AIRudder never delivered (pulled ${report.pulled}, pushed ${report.pushed})`,
      )
      for (const listener of listeners) {
        await Promise.resolve()
          .then(() => listener(report))
          .catch((thrown) =>
            logger?.error(`@airudder-webhooks/client: an onRecovered listener threw: ${messageOf(thrown)}`),
          )
      }
    }
    return { report, final: FINAL_STATUSES.has(detail.task.Status) }
  }

  const pull = async (task: TrackedTask) => {
    try {
      const { report, final } = await recover(task.taskId, false)
      await store.settle(task, report, final ? null : new Date(Date.now() + quietMs))
    } catch (thrown) {
      const retryAt = new Date(Date.now() + retryDelay(task.attempts, retry))
      logger?.error(
        `@airudder-webhooks/client: reconciling task ${task.taskId} failed (attempt ${task.attempts}); ` +
          `retrying at ${retryAt.toISOString()}: ${messageOf(thrown)}`,
      )
      await store.fail(task, messageOf(thrown), retryAt)
    }
  }

  const runDue = async () => {
    const tasks = await store.claim(concurrency, leaseMs)
    await Promise.all(tasks.map(pull))
    return tasks.length
  }

  const idle = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, pollMs)
      wake = () => {
        clearTimeout(timer)
        resolve()
      }
    })

  const run = async () => {
    while (running) {
      try {
        if ((await runDue()) === 0) await idle()
      } catch (thrown) {
        logger?.error(`@airudder-webhooks/client: could not claim tasks to reconcile: ${messageOf(thrown)}`)
        await idle()
      }
    }
  }

  const reconciler: Reconciler = {
    store,
    async track(taskId, trackOptions = {}) {
      const now = Date.now()
      await store.track(taskId, {
        source: 'user',
        dueAt: trackOptions.dueAt ?? new Date(now + quietMs),
        seenAt: new Date(now),
      })
      wake?.()
    },
    async reconcile(taskId, reconcileOptions = {}) {
      return (await recover(taskId, reconcileOptions.dryRun ?? false)).report
    },
    runDue,
    async report(taskId) {
      const report = (await store.get(taskId))?.report
      return report && recount(inbox, report)
    },
    onRecovered: (listener) => void listeners.add(listener),
    get running() {
      return running
    },
    start() {
      if (running) return
      running = true
      loop = run()
    },
    async stop() {
      running = false
      wake?.()
      await loop
    },
  }
  if (options.autoStart !== false) reconciler.start()
  return reconciler
}
