/**
 * @module
 * Where the kit reports what it does, for tracing and metrics, without depending on any telemetry
 * library: `@airudder-webhooks/opentelemetry` implements it over `@opentelemetry/api`. Each delivery
 * and each run of an event's handlers is a scope: the kit runs its work inside it (so spans nest)
 * and ends it with the outcome. An inbox stores `trace()` with each entry, so the handler runs of
 * every retry, minutes later or on another replica, join the trace of the delivery that stored it.
 */

/** One unit of work: `run` its code inside, then `end` it with what happened. */
export interface TelemetryScope<Outcome> {
  run<T>(work: () => T): T
  end(outcome: Outcome): void
}

/** How a delivery ended: its event type (`unknown`, or the type refused) and the answer's status. */
export interface DeliveryOutcome {
  readonly type: string | undefined
  readonly id: string | undefined
  readonly status: number
  /** The error code of a non-2xx answer. */
  readonly code: string | undefined
  readonly duplicate: boolean
}

/** One run of an event's handlers. */
export interface HandlerRun {
  readonly type: string
  readonly id: string
  /** 1 for the first run; with an inbox, its attempt number. */
  readonly attempt: number
  /** What `trace()` returned when the delivery was stored (inbox runs). */
  readonly trace: string | undefined
}

export interface Telemetry {
  delivery(): TelemetryScope<DeliveryOutcome>
  handlers(run: HandlerRun): TelemetryScope<{ readonly failures: number }>
  /** The current trace context, serialised (W3C `traceparent`), or `undefined` outside a trace. */
  trace(): string | undefined
}
