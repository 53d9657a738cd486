/**
 * @module
 * Metrics read from the stores: the inbox's depth by status and type and the age of its oldest
 * pending event (observed at each collection, one `stats()` call), and the calls the reconciler
 * recovered.
 *
 * ```ts
 * observeInbox(webhooks.inbox!)
 * observeReconciler(reconciler)
 * ```
 */
import type { Inbox } from '@airudder-webhooks/core'
import { type MeterProvider, metrics } from '@opentelemetry/api'
import { ATTR, METRIC, SCOPE, SYSTEM } from './names'

export interface ObserveOptions {
  readonly meterProvider?: MeterProvider | undefined
}

/** Observes `inbox.stats()` at each collection; `stop()` ends it. */
export function observeInbox(inbox: Pick<Inbox, 'stats'>, options: ObserveOptions = {}): { stop(): void } {
  const meter = (options.meterProvider ?? metrics.getMeterProvider()).getMeter(SCOPE)
  const depth = meter.createObservableGauge(METRIC.inboxDepth, {
    description: 'Inbox entries, by status and event type',
    unit: '{event}',
  })
  const oldest = meter.createObservableGauge(METRIC.oldestPendingAge, {
    description: 'Age of the oldest pending inbox entry (0 when none is pending)',
    unit: 's',
  })
  const callback = async (result: Parameters<Parameters<typeof meter.addBatchObservableCallback>[0]>[0]) => {
    const stats = await inbox.stats()
    for (const row of stats.counts) {
      result.observe(depth, row.count, {
        [ATTR.system]: SYSTEM,
        [ATTR.inboxStatus]: row.status,
        [ATTR.destination]: row.type,
      })
    }
    const age = stats.oldestPendingAt ? Math.max(0, (Date.now() - stats.oldestPendingAt.getTime()) / 1000) : 0
    result.observe(oldest, age, { [ATTR.system]: SYSTEM })
  }
  meter.addBatchObservableCallback(callback, [depth, oldest])
  return { stop: () => meter.removeBatchObservableCallback(callback, [depth, oldest]) }
}

/** What `observeReconciler` needs of `createReconciler()` from `@airudder-webhooks/client`. */
export interface RecoveringReconciler {
  onRecovered(listener: (report: { readonly recoveredCallIds: readonly string[] }) => unknown): void
}

/** Counts every call the reconciler recovers (pulled from AIRudder because its push never arrived). */
export function observeReconciler(reconciler: RecoveringReconciler, options: ObserveOptions = {}): void {
  const meter = (options.meterProvider ?? metrics.getMeterProvider()).getMeter(SCOPE)
  const recovered = meter.createCounter(METRIC.recoveredCalls, {
    description: 'Calls recovered from the pull API because AIRudder never delivered their push',
    unit: '{call}',
  })
  reconciler.onRecovered((report) => recovered.add(report.recoveredCallIds.length, { [ATTR.system]: SYSTEM }))
}
