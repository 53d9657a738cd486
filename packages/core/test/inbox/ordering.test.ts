import { describe, expect, it } from 'vitest'
import { createMemoryInbox, createWebhooks } from '../../src/index'
import { buildEvent } from '../../src/testing/index'
import { post, sleep } from '../webhooks/helpers'

const states = ['CALLING', 'RINGING', 'ANSWERED', 'HANGUP', 'TALKRESULT'] as const

/** One predictive-dialer state push for a call, at `second` seconds into the call. */
function statePush(callid: string, state: string, second: number) {
  const payload = buildEvent('pds.contact.status', {
    pds: { body: { callid, state, timestamp: String(1_700_000_000_000 + second * 1000) } },
  })
  return post(JSON.stringify(payload))
}

describe('ordering keys: one call’s states run one at a time, oldest first', () => {
  it('runs the states of each callid in their own order although delivered backwards, calls side by side', async () => {
    const inbox = createMemoryInbox()
    const webhooks = createWebhooks({
      inbox,
      logger: false,
      verify: { 'pds.*': false },
      processing: { concurrency: 4, pollMs: 5, autoStart: false },
    })
    const ran = new Map<string, string[]>()
    let inFlight = 0
    let mostAtOnce = 0
    webhooks.on('pds.contact.status', async (event) => {
      inFlight++
      mostAtOnce = Math.max(mostAtOnce, inFlight)
      await sleep(5)
      const { callid, state } = event.payload.body
      ran.set(String(callid), [...(ran.get(String(callid)) ?? []), String(state)])
      inFlight--
    })
    for (const callid of ['a', 'b', 'c']) {
      for (let i = states.length - 1; i >= 0; i--) {
        expect((await webhooks.handle(statePush(callid, states[i] as string, i))).status).toBe(200)
      }
    }
    await webhooks.processor?.drain()
    for (const callid of ['a', 'b', 'c']) expect(ran.get(callid)).toEqual([...states])
    // Different calls are not held up by each other: the first claim takes one state of each.
    expect(mostAtOnce).toBe(3)
    expect(await inbox.list({ status: 'done' })).toHaveLength(15)
  })
})
