/**
 * The four pushes AIRudder publishes in full, sent as every variant their field tables allow
 * (see `variants.ts`): each is verified, typed, delivered to its handler once (its retry is a
 * duplicate), with exactly the values the README promises, and never reaches `onInvalid`.
 */
import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { type AirudderEvent, createWebhooks, headerSign, type InvalidEvent, urlToken } from '../../src/index'
import type { DriftKind } from '../../src/schemas'
import { md5Hex } from '../../src/verify/md5-sign'
import { fixtureJson } from '../fixtures'
import { CALL_COMPLETED, type Level, MESSAGE_SENT, PDS_CONTACT, SESSION_ENDED } from './field-tables'
import { Big, bodyText, clone, type Variant, variantsOf } from './variants'

const KEY = 'vendor-docs-key'
const TOKEN = 'vendor-docs-token'

interface PushSpec {
  readonly type: string
  readonly fixture: string
  readonly levels: readonly Level[]
  readonly signing: 'md5' | 'header' | 'token'
  /** The payload's shape when it differs from the body's (the PDS workflow form is lifted). */
  readonly payloadOf?: (expected: Record<string, unknown>) => unknown
}

const SPECS: readonly PushSpec[] = [
  {
    type: 'workflow.call.completed',
    fixture: 'workflow-call-completed.json',
    levels: CALL_COMPLETED,
    signing: 'md5',
  },
  {
    type: 'workflow.chatbot.session_ended',
    fixture: 'workflow-chatbot-session-ended.json',
    levels: SESSION_ENDED,
    signing: 'header',
  },
  {
    type: 'chatbot.channel.message.sent',
    fixture: 'chatbot-channel-message-sent.json',
    levels: MESSAGE_SENT,
    signing: 'header',
  },
  {
    type: 'pds.contact.status',
    fixture: 'pds-contact-status.json',
    levels: PDS_CONTACT,
    signing: 'token',
    payloadOf: ({ pds, ...workflow }) => ({ ...workflow, ...(pds as object) }),
  },
]

const headerCheck = headerSign({ algorithm: 'hmac-sha256-hex', keys: KEY })

function receiver() {
  const webhooks = createWebhooks({
    key: KEY,
    logger: false,
    verify: {
      'workflow.chatbot.session_ended': headerCheck,
      'chatbot.*': headerCheck,
      'pds.*': urlToken({ tokens: TOKEN }),
    },
  })
  const delivered: AirudderEvent[] = []
  const invalid: InvalidEvent[] = []
  const drifted: DriftKind[] = []
  webhooks.onAny((event) => void delivered.push(event))
  webhooks.onInvalid((event) => void invalid.push(event))
  webhooks.onDrift((report) => void drifted.push(...report.fields.map((field) => field.kind)))
  return { webhooks, delivered, invalid, drifted }
}

/**
 * The drift `onDrift` reports for a variant: none for what the docs publish or allow (an absent
 * optional field, an id of any size or JSON type), and only the variant's own kind otherwise.
 */
function driftOf(name: string): { readonly kinds: readonly DriftKind[]; readonly some: boolean } {
  if (name.endsWith(' null')) return { kinds: ['null'], some: true }
  if (name === 'unknown enum values') return { kinds: ['unknown_enum'], some: true }
  if (name === 'unknown fields') return { kinds: ['unknown_field'], some: true }
  if (name === 'numbers as strings' || name === 'strings as numbers')
    return { kinds: ['coerced'], some: false }
  return { kinds: [], some: false }
}

/** The request AIRudder would send for `sent`, signed the way the push is. */
function request(spec: PushSpec, sent: Record<string, unknown>): Request {
  let url = 'https://receiver.test/airudder'
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (spec.signing === 'md5') {
    const taskId = sent.TaskID instanceof Big ? sent.TaskID.digits : String(sent.TaskID)
    sent.Sign = md5Hex(taskId + KEY)
  }
  const body = bodyText(sent)
  if (spec.signing === 'header') headers['x-airudder-sign'] = headerSignature(body)
  if (spec.signing === 'token') url += `?token=${TOKEN}`
  return new Request(url, { method: 'POST', headers, body })
}

/** Node's crypto stands in for AIRudder's side; the kit computes its own with Web APIs. */
const headerSignature = (body: string) => createHmac('sha256', KEY).update(body).digest('hex')

describe.each(SPECS)('$type, from its field table', (spec) => {
  const variants = variantsOf(spec.levels, fixtureJson(spec.fixture))

  it('derives every variant the issue names', () => {
    const names = variants.map((variant) => variant.name)
    expect(names).toEqual(
      expect.arrayContaining([
        'the published example',
        'every optional field removed',
        'numbers as strings',
        'strings as numbers',
        'unknown enum values',
        'unknown fields',
        'integers beyond 2^53',
      ]),
    )
  })

  it.each(variants.map((variant) => [variant.name, variant] as const))(
    '%s: verified, typed, delivered once, exact values',
    async (_name, variant: Variant) => {
      const { webhooks, delivered, invalid, drifted } = receiver()
      const sent = clone(variant.sent) as Record<string, unknown>
      const first = await webhooks.handle(request(spec, sent))
      expect(first.status).toBe(200)
      const retry = await webhooks.handle(request(spec, sent))
      expect(retry.status).toBe(200)

      expect(invalid).toEqual([])
      expect(delivered).toHaveLength(1)
      const [event] = delivered
      expect(event?.type).toBe(spec.type)
      expect(event?.verification.status).toBe('verified')
      const expected = { ...(variant.expected as Record<string, unknown>) }
      if (spec.signing === 'md5') expected.Sign = sent.Sign
      expect(event?.payload).toEqual(spec.payloadOf ? spec.payloadOf(expected) : expected)

      const drift = driftOf(variant.name)
      for (const kind of drifted) expect(drift.kinds).toContain(kind)
      if (drift.some) expect(drifted.length).toBeGreaterThan(0)
    },
  )
})

describe("the README's promises, literally", () => {
  const variants = variantsOf(CALL_COMPLETED, fixtureJson('workflow-call-completed.json'))
  const deliver = async (name: string) => {
    const variant = variants.find((candidate) => candidate.name === name)
    const { webhooks, delivered } = receiver()
    const sent = clone(variant?.sent) as Record<string, unknown>
    const req = request(SPECS[0] as PushSpec, sent)
    const text = await req.clone().text()
    expect((await webhooks.handle(req)).status).toBe(200)
    return { text, payload: (delivered[0] as AirudderEvent & { type: 'workflow.call.completed' }).payload }
  }

  it('amounts become canonical decimal strings; ids strings; the collections fields are undefined when absent', async () => {
    const { payload } = await deliver('the published example')
    const [call] = payload.Details
    expect([call?.id, call?.BorrowedAmount, call?.TotalOwingAmount, call?.CallTimes]).toEqual([
      '2123875204',
      '20000',
      '20310',
      2,
    ])
    const removed = (await deliver('every optional field removed')).payload.Details[0]
    expect([removed?.BorrowedAmount, removed?.ExtraA, removed?.AsrResult]).toEqual([
      undefined,
      undefined,
      undefined,
    ])
  })

  it('a numeric TaskID classifies, its Sign is checked over its text, and ids beyond 2^53 keep every digit', async () => {
    const numeric = await deliver('strings as numbers')
    expect(numeric.text).toMatch(/"TaskID":\d+,/)
    expect(typeof numeric.payload.TaskID).toBe('string')
    const big = await deliver('integers beyond 2^53')
    expect(big.text).toContain('"TaskID":2123875204123456789,')
    expect([big.payload.TaskID, big.payload.Details[0]?.id]).toEqual([
      '2123875204123456789',
      '2123875204123456790',
    ])
  })
})
