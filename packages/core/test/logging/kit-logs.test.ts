/**
 * The kit's own log lines are structured (fields, then a message) and never carry the called
 * person's number or name, even when a handler's error message does.
 */
import { describe, expect, it } from 'vitest'
import { createMemoryInbox, createWebhooks, type LogFields } from '../../src/index'
import { buildEvent, signDelivery } from '../../src/testing/index'
import { KEY, post } from '../webhooks/helpers'

const NAME = 'Siti Rahayu'
const NUMBER = '+6281234567890'

function capture() {
  const lines: { level: string; fields: LogFields; message: string }[] = []
  const logger = {
    warn: (fields: LogFields, message: string) => void lines.push({ level: 'warn', fields, message }),
    error: (fields: LogFields, message: string) => void lines.push({ level: 'error', fields, message }),
  }
  return { lines, logger }
}

const body = signDelivery(
  buildEvent('workflow.call.completed', { Details: [{ CalleeName: NAME, CalleeNumber: NUMBER }] }),
  { key: KEY },
).body

const leaky = () => {
  throw new Error(`could not update ${NAME} (${NUMBER}) in the CRM`)
}

describe('kit log lines', () => {
  it('log a failing handler with its id and type, the error masked', async () => {
    const { lines, logger } = capture()
    const webhooks = createWebhooks({ key: KEY, logger })
    webhooks.on('workflow.call.completed', leaky)
    expect((await webhooks.handle(post(body))).status).toBe(500)
    expect(lines).toEqual([
      {
        level: 'error',
        fields: {
          id: expect.stringMatching(/^workflow\.call\.completed:/),
          type: 'workflow.call.completed',
          error: 'could not update [redacted] ([redacted]) in the CRM',
        },
        message: '@airudder-webhooks/core: a handler failed; AIRudder will retry',
      },
    ])
  })

  it('log an inbox entry that failed without the number or name', async () => {
    const { lines, logger } = capture()
    const webhooks = createWebhooks({
      key: KEY,
      logger,
      inbox: createMemoryInbox(),
      processing: { autoStart: false, maxAttempts: 1 },
    })
    webhooks.on('workflow.call.completed', leaky)
    expect((await webhooks.handle(post(body))).status).toBe(200)
    await webhooks.processor?.drain()
    expect(lines).toHaveLength(1)
    expect(lines[0]?.fields).toMatchObject({ type: 'workflow.call.completed', attempts: 1, dead: true })
    expect(JSON.stringify(lines)).not.toMatch(/Siti|Rahayu|81234567890/)
  })

  it('log a refused delivery with its type and reason', async () => {
    const { lines, logger } = capture()
    const webhooks = createWebhooks({ key: 'another key', logger })
    expect((await webhooks.handle(post(body))).status).toBe(401)
    expect(lines).toEqual([
      {
        level: 'warn',
        fields: { type: 'workflow.call.completed', code: 'invalid_signature', reason: expect.any(String) },
        message: '@airudder-webhooks/core: refused a delivery',
      },
    ])
    expect(JSON.stringify(lines)).not.toMatch(/Siti|Rahayu|81234567890/)
  })
})
