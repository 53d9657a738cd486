/**
 * With the OpenTelemetry SDK's in-memory exporters: a delivery is a `receive` span, each run of its
 * handlers from the inbox a `process` span in the delivery's trace (the retry included, read back
 * from SQLite), and the metrics count deliveries by type and answer, time handler runs, observe the
 * inbox and count the calls the reconciler recovered. Names follow the semantic conventions.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createAirudderClient, createMemoryReconcileStore, createReconciler } from '@airudder-webhooks/client'
import { createSimulator } from '@airudder-webhooks/client/simulator'
import { createWebhooks } from '@airudder-webhooks/core'
import { buildEvent, signDelivery } from '@airudder-webhooks/core/testing'
import { createSqliteInbox } from '@airudder-webhooks/sqlite'
import { context, SpanKind, SpanStatusCode } from '@opentelemetry/api'
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks'
import { AggregationTemporality, MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics'
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base'
import { ATTR_ERROR_TYPE, ATTR_HTTP_RESPONSE_STATUS_CODE } from '@opentelemetry/semantic-conventions'
import {
  ATTR_MESSAGING_DESTINATION_NAME,
  ATTR_MESSAGING_MESSAGE_ID,
  ATTR_MESSAGING_OPERATION_NAME,
  ATTR_MESSAGING_OPERATION_TYPE,
  ATTR_MESSAGING_SYSTEM,
  METRIC_MESSAGING_PROCESS_DURATION,
} from '@opentelemetry/semantic-conventions/incubating'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ATTR, createTelemetry, METRIC, observeInbox, observeReconciler } from '../src/index'

const KEY = 'otel-test-key'

/** Collects on demand (what a periodic exporter does on its timer). */
class TestReader extends MetricReader {
  constructor() {
    super({ aggregationTemporalitySelector: () => AggregationTemporality.CUMULATIVE })
  }
  protected override async onForceFlush() {}
  protected override async onShutdown() {}
}

const spans = new InMemorySpanExporter()
const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] })
const reader = new TestReader()
const meterProvider = new MeterProvider({ readers: [reader] })
const contextManager = new AsyncLocalStorageContextManager()
const airudder = createSimulator({ key: KEY })
let dir: string

beforeAll(async () => {
  context.setGlobalContextManager(contextManager.enable())
  dir = mkdtempSync(join(tmpdir(), 'airudder-otel-'))
  await airudder.listen()
})
afterAll(async () => {
  context.disable()
  await airudder.close()
  rmSync(dir, { recursive: true, force: true })
})

async function metric(name: string) {
  const { resourceMetrics } = await reader.collect()
  const found = resourceMetrics.scopeMetrics
    .flatMap((scope) => scope.metrics)
    .find((m) => m.descriptor.name === name)
  return found?.dataPoints.map((point) => ({ attributes: point.attributes, value: point.value })) ?? []
}

describe('@airudder-webhooks/opentelemetry', () => {
  it('names what it emits after the semantic conventions where they exist', () => {
    expect(ATTR).toMatchObject({
      system: ATTR_MESSAGING_SYSTEM,
      operationType: ATTR_MESSAGING_OPERATION_TYPE,
      operationName: ATTR_MESSAGING_OPERATION_NAME,
      destination: ATTR_MESSAGING_DESTINATION_NAME,
      messageId: ATTR_MESSAGING_MESSAGE_ID,
      errorType: ATTR_ERROR_TYPE,
      statusCode: ATTR_HTTP_RESPONSE_STATUS_CODE,
    })
    expect(METRIC.handlerDuration).toBe(METRIC_MESSAGING_PROCESS_DURATION)
  })

  it('traces a delivery and every handler run from the SQLite inbox, the retry in the same trace', async () => {
    const inbox = createSqliteInbox({ path: join(dir, 'inbox.db') })
    const webhooks = createWebhooks({
      key: KEY,
      logger: false,
      inbox,
      telemetry: createTelemetry({ tracerProvider, meterProvider }),
      processing: { autoStart: false, maxAttempts: 3, retry: { baseMs: 1, maxMs: 1, jitter: 0 } },
    })
    let runs = 0
    webhooks.on('workflow.call.completed', () => {
      runs++
      if (runs === 1) throw new Error('CRM down')
    })
    const post = (body: string) =>
      webhooks.handle(
        new Request('http://receiver.test/airudder', {
          method: 'POST',
          body,
          headers: { 'content-type': 'application/json' },
        }),
      )
    const body = signDelivery(buildEvent('workflow.call.completed', { TaskID: 'otel-task' }), {
      key: KEY,
    }).body
    expect((await post(body)).status).toBe(200)
    expect(
      (await post(signDelivery(buildEvent('workflow.call.completed'), { key: 'wrong' }).body)).status,
    ).toBe(401)
    for (let rounds = 0; runs < 2 && rounds < 1000; rounds++) await webhooks.processor?.drain()
    const [entry] = await inbox.list({ status: 'done' })
    expect(entry?.trace).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/)

    const finished = spans.getFinishedSpans()
    const receives = finished.filter((span) => span.name === 'receive workflow.call.completed')
    const processes = finished.filter((span) => span.name === 'process workflow.call.completed')
    expect(receives.map((span) => span.attributes[ATTR.statusCode])).toEqual([200, 401])
    const [received, refused] = receives
    expect(received?.kind).toBe(SpanKind.CONSUMER)
    expect(received?.attributes).toEqual({
      'messaging.system': 'airudder',
      'messaging.operation.type': 'receive',
      'messaging.operation.name': 'receive',
      'messaging.destination.name': 'workflow.call.completed',
      'messaging.message.id': entry?.id,
      'http.response.status_code': 200,
      'airudder.delivery.duplicate': false,
    })
    expect(refused?.attributes).toMatchObject({ 'error.type': 'invalid_signature' })
    expect(refused?.status.code).toBe(SpanStatusCode.UNSET)

    expect(processes).toHaveLength(2)
    for (const [index, span] of processes.entries()) {
      expect(span.spanContext().traceId).toBe(received?.spanContext().traceId)
      expect(span.parentSpanContext?.spanId).toBe(received?.spanContext().spanId)
      expect(span.attributes).toMatchObject({
        'messaging.system': 'airudder',
        'messaging.operation.type': 'process',
        'messaging.destination.name': 'workflow.call.completed',
        'messaging.message.id': entry?.id,
        'airudder.inbox.attempt': index + 1,
      })
    }
    expect(processes.map((span) => span.status.code)).toEqual([SpanStatusCode.ERROR, SpanStatusCode.UNSET])
    expect(processes[0]?.attributes['error.type']).toBe('handler_failed')

    const deliveries = await metric(METRIC.deliveries)
    expect(deliveries).toEqual([
      {
        attributes: {
          'messaging.system': 'airudder',
          'messaging.destination.name': 'workflow.call.completed',
          'http.response.status_code': 200,
        },
        value: 1,
      },
      {
        attributes: {
          'messaging.system': 'airudder',
          'messaging.destination.name': 'workflow.call.completed',
          'http.response.status_code': 401,
          'error.type': 'invalid_signature',
        },
        value: 1,
      },
    ])
    const durations = await metric(METRIC.handlerDuration)
    expect(
      durations.map((point) => [point.attributes['error.type'], (point.value as { count: number }).count]),
    ).toEqual([
      ['handler_failed', 1],
      [undefined, 1],
    ])

    observeInbox(inbox, { meterProvider })
    expect(await metric(METRIC.inboxDepth)).toEqual([
      {
        attributes: {
          'messaging.system': 'airudder',
          'airudder.inbox.status': 'done',
          'messaging.destination.name': 'workflow.call.completed',
        },
        value: 1,
      },
    ])
    expect(await metric(METRIC.oldestPendingAge)).toEqual([
      { attributes: { 'messaging.system': 'airudder' }, value: 0 },
    ])
    await inbox.close()
  })

  it('counts the calls the reconciler recovered', async () => {
    const task = airudder.addTask({ taskId: 'otel-recover', calls: 4 })
    const webhooks = createWebhooks({
      key: KEY,
      logger: false,
      inbox: createSqliteInbox({ path: join(dir, 'recover.db') }),
      processing: { autoStart: false },
    })
    const client = createAirudderClient({
      baseUrl: airudder.url ?? '',
      token: () => airudder.token,
      retries: 0,
    })
    const reconciler = createReconciler({
      webhooks,
      client,
      store: createMemoryReconcileStore(),
      quietMs: 0,
      autoStart: false,
      key: KEY,
    })
    observeReconciler(reconciler, { meterProvider })
    const first = task.calls[0]?.CallID ?? ''
    const pushed = await webhooks.handle(
      new Request('http://receiver.test/airudder', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: airudder.pushBody('otel-recover', first),
      }),
    )
    expect(pushed.status).toBe(200)
    await webhooks.processor?.drain()
    expect(await reconciler.runDue()).toBe(1)
    expect(await metric(METRIC.recoveredCalls)).toEqual([
      { attributes: { 'messaging.system': 'airudder' }, value: 3 },
    ])
    await webhooks.inbox?.close?.()
  })
})
