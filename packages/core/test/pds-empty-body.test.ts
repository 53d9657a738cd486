/**
 * An integrator's public fixtures show predictive-dialer pushes whose `body` is `""` or `{}`:
 * verified, they are delivered typed (`body` reads `{}`), with an id from the raw body's hash.
 */
import { describe, expect, it } from 'vitest'
import { type AirudderEvent, createWebhooks, urlToken } from '../src/index'
import { post } from './webhooks/helpers'

const TOKEN = 'pds-token'
const bodies: readonly [string, Record<string, unknown>][] = [
  ['bare, body ""', { type: 'ContactStatus', body: '' }],
  ['bare, body {}', { type: 'TaskStatus', body: {} }],
  ['bare, body null', { type: 'AgentStatus', body: null }],
  ['bare, no body', { type: 'ContactStatus' }],
  ['workflow form, body ""', { workflow_id: 'wf1', pds: { type: 'ContactStatus', body: '' } }],
  ['workflow form, body {}', { workflow_id: 'wf1', pds: { type: 'AgentStatus', body: {} } }],
]

describe('PDS pushes with an empty body', () => {
  it.each(bodies)('%s is delivered typed, body {}', async (_name, json) => {
    const webhooks = createWebhooks({ logger: false, verify: { 'pds.*': urlToken({ tokens: TOKEN }) } })
    const delivered: AirudderEvent[] = []
    webhooks.onAny((event) => void delivered.push(event))
    const url = `http://localhost/hook?token=${TOKEN}`
    expect((await webhooks.handle(post(JSON.stringify(json), {}, url))).status).toBe(200)
    const [event] = delivered
    expect(event?.type).toMatch(/^pds\.(contact|task|agent)\.status$/)
    expect((event?.payload as { body: unknown } | undefined)?.body).toEqual({})
    expect(event?.id).toMatch(/:sha256:[0-9a-f]{64}$/)
  })
})
