/**
 * @module
 * `@airudder-webhooks/core/telemetry`: the hooks through which the kit reports deliveries and
 * handler runs (`createWebhooks({ telemetry })`). `@airudder-webhooks/opentelemetry` implements
 * them over `@opentelemetry/api`; implement them yourself for another tracer.
 */
export type { DeliveryOutcome, HandlerRun, Telemetry, TelemetryScope } from './telemetry/telemetry'
