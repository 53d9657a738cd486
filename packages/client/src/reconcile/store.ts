/**
 * @module
 * The reconciler's store contract: which tasks it tracks, when each should be pulled, which
 * replica is pulling it (a lease, like the inbox's), and the last report. Implementations:
 * `createMemoryReconcileStore()` (tests; not durable), `createSqliteReconcileStore` in
 * `@airudder-webhooks/sqlite`, `createPostgresReconcileStore` in `@airudder-webhooks/postgres`.
 */

/** `pending`: waiting to be pulled at `dueAt`; `pulling`: leased by a reconciler until `dueAt`; `reconciled`: done. */
export type TrackedTaskState = 'pending' | 'pulling' | 'reconciled'

/** How a task became known: a call push, a workflow status or list notification, or `track()`. */
export type TaskSource = 'push' | 'status' | 'list' | 'user'

/** One task's discrepancy: what the pull API has against what reached the inbox. */
export interface ReconcileReport {
  readonly taskId: string
  /** The task's `Status` in the pull API when pulled (`finished` ends tracking). */
  readonly taskStatus: string
  readonly pulledAt: Date
  /** Calls the pull API returned. */
  readonly pulled: number
  /** Of those, calls that reached the inbox by push. */
  readonly pushed: number
  /** Of those, calls fed from the pull API because no push arrived (this pull or an earlier one). */
  readonly recovered: number
  /** Calls in neither (a dry run, or an inbox that failed while adding). */
  readonly missing: number
  /** Calls whose handlers have succeeded (`done` in the inbox) when the report was made. */
  readonly handled: number
  /** The CallIDs this pull recovered (or, in a dry run, would have). */
  readonly recoveredCallIds: readonly string[]
  /** The inbox entry id of every call pulled, so the report can be recounted later. */
  readonly entryIds: readonly string[]
}

export interface TrackedTask {
  readonly taskId: string
  readonly state: TrackedTaskState
  readonly source: TaskSource
  /** When a pending task is due, or when a pulling task's lease runs out. */
  readonly dueAt: Date
  /** Pulls started so far (a claim counts as one): the lease token. */
  readonly attempts: number
  /** The last push or notification naming it. */
  readonly lastSeenAt: Date
  readonly lastError: string | undefined
  readonly report: ReconcileReport | undefined
  readonly updatedAt: Date
}

export type TaskLease = Pick<TrackedTask, 'taskId' | 'attempts'>

export interface ReconcileStore {
  /**
   * Tracks a task, pulled at `dueAt`. A pending task's `dueAt` is replaced (a new push extends its
   * quiet period, a finished status brings it forward); a reconciled one is tracked again; a task
   * being pulled only records that it was seen.
   */
  track(
    taskId: string,
    options: { readonly source: TaskSource; readonly dueAt: Date; readonly seenAt: Date },
  ): Promise<void>
  /** Leases up to `limit` due tasks (pending and due, or pulling with an expired lease), oldest first. */
  claim(limit: number, leaseMs: number): Promise<TrackedTask[]>
  /**
   * Pulled: `reconciled` with the report, or pending again at `nextAt` (the task was still
   * running). False, changing nothing, when the lease is no longer held.
   */
  settle(lease: TaskLease, report: ReconcileReport, nextAt: Date | null): Promise<boolean>
  /** The pull failed: pending again at `retryAt`, with the error. False when the lease is no longer held. */
  fail(lease: TaskLease, error: string, retryAt: Date): Promise<boolean>
  get(taskId: string): Promise<TrackedTask | undefined>
  /** Most recently updated first. */
  list(options?: {
    readonly state?: TrackedTaskState | undefined
    readonly limit?: number | undefined
  }): Promise<TrackedTask[]>
  close?(): Promise<void>
}

/** Reports travel through stores as JSON: dates as ISO strings. */
export function reportToJson(report: ReconcileReport): string {
  return JSON.stringify(report)
}

export function reportFromJson(text: string | null | undefined): ReconcileReport | undefined {
  if (!text) return undefined
  const parsed = JSON.parse(text) as ReconcileReport & { pulledAt: string }
  return { ...parsed, pulledAt: new Date(parsed.pulledAt) }
}
