/**
 * @module
 * A span context as a W3C `traceparent` and back: what an inbox entry stores, so a handler run
 * minutes later (a retry, another replica) is a child of the delivery's span. Written here rather
 * than through the global propagator, which is a no-op unless the app registered one.
 */
import { type SpanContext, TraceFlags } from '@opentelemetry/api'

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/

export function toTraceparent(span: SpanContext): string {
  return `00-${span.traceId}-${span.spanId}-${(span.traceFlags & 0xff).toString(16).padStart(2, '0')}`
}

export function fromTraceparent(text: string): SpanContext | undefined {
  const match = TRACEPARENT.exec(text)
  if (!match?.[1] || !match[2] || !match[3]) return undefined
  const flags = Number.parseInt(match[3], 16) & TraceFlags.SAMPLED
  return { traceId: match[1], spanId: match[2], traceFlags: flags, isRemote: true }
}
