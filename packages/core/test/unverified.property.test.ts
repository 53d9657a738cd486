/**
 * Under the default configuration (`createWebhooks()`: KEY `airudder`, no other rule), no body
 * without a valid check reaches a handler, `onAny`, `onInvalid` or an inbox, whatever its
 * shape: arbitrary JSON, damaged published pushes, a `Sign` with or without a `TaskID` (string,
 * number, beyond 2^53), forged headers and URL tokens. Only a body whose `Sign` is
 * md5(TaskID + KEY) over TaskID's exact text may pass; the generators rule that case out and a
 * control shows the harness does see a signed delivery.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { topLevelNumberText } from '../src/events/exact-numbers'
import { createMemoryInbox, createWebhooks, decode, type Inbox } from '../src/index'
import { md5Hex } from '../src/verify/md5-sign'
import { fixtureJson, pushFixtures } from './fixtures'

const DEFAULT_KEY = 'airudder'

/** True when the body carries a Sign that is md5(TaskID text + KEY): the one valid check here. */
function validlySigned(body: string): boolean {
  const decoded = decode(body)
  if (!decoded.ok || typeof decoded.json !== 'object' || decoded.json === null) return false
  const { Sign, TaskID } = decoded.json as Record<string, unknown>
  if (typeof Sign !== 'string') return false
  const text = typeof TaskID === 'string' ? TaskID : topLevelNumberText(body, 'TaskID')
  return text !== undefined && Sign.toLowerCase() === md5Hex(text + DEFAULT_KEY)
}

function observed(options: { inbox?: Inbox } = {}) {
  const seen: string[] = []
  const inbox = options.inbox
  const watched: Inbox | undefined = inbox && {
    ...inbox,
    add: (entry) => {
      seen.push(`inbox:${entry.type}`)
      return inbox.add(entry)
    },
  }
  const webhooks = createWebhooks({
    logger: false,
    ...(watched ? { inbox: watched, processing: { autoStart: false } } : {}),
  })
  webhooks.onAny((event) => void seen.push(`onAny:${event.type}`))
  webhooks.on(['workflow.call.completed', 'qa.recording.reported', 'pds.*', 'chatbot.*'], (event) => {
    seen.push(`on:${event.type}`)
  })
  webhooks.onInvalid((invalid) => void seen.push(`onInvalid:${invalid.type}`))
  return { webhooks, seen }
}

const taskId = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.bigInt({ min: 2n ** 53n, max: 2n ** 70n }).map((big) => ({ big: String(big) })),
  fc.constant(undefined),
)
const sign = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 32, maxLength: 32 }),
  fc.string(),
  fc.integer(),
  fc.constant(undefined),
)

/** A published push (or any JSON object), damaged, with a Sign/TaskID pair of any shape. */
const shapes = fc
  .record({
    base: fc.oneof(
      fc.constantFrom(...pushFixtures.map((fixture) => fixture.file)).map(fixtureJson),
      fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 })),
    ),
    drop: fc.array(fc.nat(), { maxLength: 3 }),
    extra: fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
    taskId,
    sign,
  })
  .map(({ base, drop, extra, taskId, sign }) => {
    const json: Record<string, unknown> = { ...base, ...extra }
    const keys = Object.keys(json)
    for (const index of drop) delete json[keys[index % Math.max(keys.length, 1)] as string]
    if (taskId !== undefined) json.TaskID = taskId
    if (sign !== undefined) json.Sign = sign
    return JSON.stringify(json, (_key, value) => (isBig(value) ? `@@big@@${value.big}` : value)).replace(
      /"@@big@@(\d+)"/g,
      '$1',
    )
  })

const isBig = (value: unknown): value is { big: string } =>
  typeof value === 'object' && value !== null && Object.keys(value).length === 1 && 'big' in value

const anyBody = fc.oneof(
  shapes,
  fc.jsonValue().map((value) => JSON.stringify(value) ?? 'null'),
  fc.string(),
)

/** Headers and a query a forger might add: header signatures and URL tokens no rule asked for. */
const forgery = fc.record({
  header: fc.option(
    fc.string({ minLength: 1 }).map((value) => value.replace(/[^\x21-\x7e]/g, 'a')),
    {
      nil: undefined,
    },
  ),
  token: fc.option(fc.string(), { nil: undefined }),
})

function request(
  body: string,
  { header, token }: { header?: string | undefined; token?: string | undefined },
) {
  const url = new URL('https://receiver.test/airudder')
  if (token !== undefined) url.searchParams.set('token', token)
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (header !== undefined) headers['x-airudder-sign'] = header
  return new Request(url, { method: 'POST', headers, body })
}

// Hundreds of full deliveries per property: seconds on a loaded 2-core CI machine, not a hang.
describe('under the default configuration, nothing unverified goes further', { timeout: 60_000 }, () => {
  it('reaches no handler, onAny or onInvalid', async () => {
    const { webhooks, seen } = observed()
    await fc.assert(
      fc.asyncProperty(anyBody, forgery, async (body, forged) => {
        fc.pre(!validlySigned(body))
        const response = await webhooks.handle(request(body, forged))
        expect(response.status).not.toBe(200)
        expect(seen).toEqual([])
      }),
      { numRuns: 400 },
    )
  })

  it('is never stored by an inbox', async () => {
    const { webhooks, seen } = observed({ inbox: createMemoryInbox() })
    await fc.assert(
      fc.asyncProperty(anyBody, forgery, async (body, forged) => {
        fc.pre(!validlySigned(body))
        await webhooks.handle(request(body, forged))
        expect(seen).toEqual([])
      }),
      { numRuns: 300 },
    )
  })

  it('(control) a body signed md5(TaskID + KEY) is seen, whatever else its shape, numeric TaskID included', async () => {
    await fc.assert(
      fc.asyncProperty(shapes, fc.oneof(fc.string({ minLength: 1 }), fc.nat()), async (body, id) => {
        const json = JSON.parse(body) as Record<string, unknown>
        json.TaskID = id
        json.Sign = md5Hex(String(id) + DEFAULT_KEY)
        const { webhooks, seen } = observed()
        const response = await webhooks.handle(request(JSON.stringify(json), {}))
        expect(response.status).toBe(200)
        expect(seen.filter((entry) => /^(onAny|onInvalid):/.test(entry))).toHaveLength(1)
      }),
      { numRuns: 100 },
    )
  })
})
