/**
 * @module
 * `createTelemetry()`: the kit's telemetry hooks over `@opentelemetry/api`. Without an SDK
 * registered by the app every call is the API's no-op.
 *
 * ```ts
 * import { createTelemetry } from '@airudder-webhooks/opentelemetry'
 * const webhooks = createWebhooks({ key, inbox, telemetry: createTelemetry() })
 * ```
 */
import type { DeliveryOutcome, HandlerRun, Telemetry } from '@airudder-webhooks/core/telemetry'
import {
  type Attributes,
  context,
  type MeterProvider,
  metrics,
  SpanKind,
  SpanStatusCode,
  type TracerProvider,
  trace,
} from '@opentelemetry/api'
import { ATTR, METRIC, SCOPE, SPAN, SYSTEM } from './names'
import { fromTraceparent, toTraceparent } from './traceparent'

export interface TelemetryOptions {
  /** Default: the global provider (`trace.setGlobalTracerProvider`, what the Node SDK registers). */
  readonly tracerProvider?: TracerProvider | undefined
  /** Default: the global provider. */
  readonly meterProvider?: MeterProvider | undefined
}

export function createTelemetry(options: TelemetryOptions = {}): Telemetry {
  const tracer = (options.tracerProvider ?? trace.getTracerProvider()).getTracer(SCOPE)
  const meter = (options.meterProvider ?? metrics.getMeterProvider()).getMeter(SCOPE)
  const deliveries = meter.createCounter(METRIC.deliveries, {
    description: 'Deliveries received, by event type and the HTTP status AIRudder was answered',
    unit: '{delivery}',
  })
  const duration = meter.createHistogram(METRIC.handlerDuration, {
    description: "How long one run of an event's handlers took",
    unit: 's',
  })

  return {
    delivery() {
      const span = tracer.startSpan(SPAN.receive, {
        kind: SpanKind.CONSUMER,
        attributes: {
          [ATTR.system]: SYSTEM,
          [ATTR.operationType]: 'receive',
          [ATTR.operationName]: 'receive',
        },
      })
      const active = trace.setSpan(context.active(), span)
      return {
        run: (work) => context.with(active, work),
        end(outcome: DeliveryOutcome) {
          const type = outcome.type ?? 'unknown'
          const attributes: Attributes = { [ATTR.destination]: type, [ATTR.statusCode]: outcome.status }
          if (outcome.code) attributes[ATTR.errorType] = outcome.code
          deliveries.add(1, { [ATTR.system]: SYSTEM, ...attributes })
          span.updateName(`${SPAN.receive} ${type}`)
          span.setAttributes({ ...attributes, [ATTR.duplicate]: outcome.duplicate })
          if (outcome.id) span.setAttribute(ATTR.messageId, outcome.id)
          // As for HTTP servers: a 4xx is the sender's error, only a 5xx is this span's.
          if (outcome.status >= 500)
            span.setStatus({ code: SpanStatusCode.ERROR, message: outcome.code ?? 'internal_error' })
          span.end()
        },
      }
    },

    handlers(run: HandlerRun) {
      const stored = run.trace ? fromTraceparent(run.trace) : undefined
      const parent = stored ? trace.setSpanContext(context.active(), stored) : context.active()
      const base: Attributes = {
        [ATTR.system]: SYSTEM,
        [ATTR.operationType]: 'process',
        [ATTR.operationName]: 'process',
        [ATTR.destination]: run.type,
      }
      const span = tracer.startSpan(
        `${SPAN.process} ${run.type}`,
        {
          kind: SpanKind.CONSUMER,
          attributes: { ...base, [ATTR.messageId]: run.id, [ATTR.attempt]: run.attempt },
        },
        parent,
      )
      const active = trace.setSpan(parent, span)
      const started = performance.now()
      return {
        run: (work) => context.with(active, work),
        end({ failures }) {
          const attributes: Attributes = failures > 0 ? { ...base, [ATTR.errorType]: 'handler_failed' } : base
          duration.record((performance.now() - started) / 1000, attributes)
          span.setAttribute(ATTR.failures, failures)
          if (failures > 0) {
            span.setAttribute(ATTR.errorType, 'handler_failed')
            span.setStatus({ code: SpanStatusCode.ERROR, message: `${failures} handler(s) failed` })
          }
          span.end()
        },
      }
    },

    trace() {
      const span = trace.getSpanContext(context.active())
      return span && trace.isSpanContextValid(span) ? toTraceparent(span) : undefined
    },
  }
}
