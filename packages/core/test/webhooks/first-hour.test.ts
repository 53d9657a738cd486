/**
 * What a newcomer sees first: the warning for AIRudder's public default KEY, and refusals that
 * say what to change.
 */
import { describe, expect, it } from 'vitest'
import { createWebhooks, optionsFromEnv, type WebhooksOptions } from '../../src/index'
import { fixtureText } from '../fixtures'
import { post, signedCall } from './helpers'

function recorded(options: WebhooksOptions = {}) {
  const lines: string[] = []
  const logger = { warn: (message: string) => void lines.push(message), error: () => {} }
  const webhooks = createWebhooks({ ...options, logger })
  return { webhooks, lines }
}

async function refusal(response: Response): Promise<string> {
  const body = (await response.json()) as { error: { message: string } }
  return body.error.message
}

describe('the public default KEY', () => {
  it('is announced loudly at start-up when no key is set', () => {
    const { lines } = recorded()
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain(
      "WARNING: no KEY is set, so deliveries signed with AIRudder's public default KEY 'airudder'",
    )
    expect(lines[0]).toContain('createWebhooks({ key })')
  })

  it('is announced when AIRUDDER_KEY is unset, and not when it is set', () => {
    const { unconfigured: _, ...unset } = optionsFromEnv({})
    expect(recorded(unset).lines).toHaveLength(1)
    const { unconfigured: __, ...set } = optionsFromEnv({ AIRUDDER_KEY: 'new-key,old-key' })
    expect(recorded(set).lines).toEqual([])
  })

  it('stays quiet when the default is passed deliberately', () => {
    expect(recorded({ key: 'airudder' }).lines).toEqual([])
  })

  it('still accepts deliveries signed with it', async () => {
    const { webhooks } = recorded()
    expect((await webhooks.handle(post(signedCall({ key: 'airudder' })))).status).toBe(200)
  })
})

describe('refusals name the fix', () => {
  it('a wrong KEY points at the default KEY and the verify command', async () => {
    const { webhooks } = recorded({ key: 'my-key' })
    const response = await webhooks.handle(post(signedCall({ key: 'another-key' })))
    expect(response.status).toBe(401)
    const message = await refusal(response)
    expect(message).toContain("default KEY 'airudder'")
    expect(message).toContain('npx airudder-webhooks verify delivery.json --key <KEY>')
    expect(message).not.toContain('my-key')
  })

  it('an unconfigured predictive-dialer push names urlToken, ipAllowlist and the pds.* wildcard', async () => {
    const { webhooks } = recorded({ key: 'my-key' })
    const response = await webhooks.handle(post(fixtureText('pds-contact-status.json')))
    expect(response.status).toBe(401)
    const message = await refusal(response)
    for (const fix of ["'pds.*'", 'urlToken({ tokens })', 'ipAllowlist(', '?token=', 'AIRUDDER_URL_TOKEN']) {
      expect(message).toContain(fix)
    }
  })

  it('an unconfigured chatbot push points at headerSign and detect-signature', async () => {
    const { webhooks } = recorded({ key: 'my-key' })
    const response = await webhooks.handle(post(fixtureText('chatbot-channel-message-sent.json')))
    expect(response.status).toBe(401)
    const message = await refusal(response)
    expect(message).toContain('headerSign({ algorithm, keys })')
    expect(message).toContain('npx airudder-webhooks detect-signature')
  })
})
