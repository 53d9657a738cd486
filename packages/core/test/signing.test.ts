/**
 * Which type is signed how is written once, as `signing` on each definition; the environment
 * options, the default checks and the test signer all follow it.
 */
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createWebhooks, defineEvent, optionsFromEnv, type Verifier } from '../src/index'
import { builtinEvents, chatbotEvent, typesSignedWith } from '../src/schemas'
import { defaultScheme, signDelivery } from '../src/testing/index'

describe('signing as data on each definition', () => {
  it('is declared by every built-in definition', () => {
    expect([...builtinEvents, chatbotEvent].map(({ type, signing }) => [type, signing])).toEqual([
      ['workflow.call.completed', 'md5-sign'],
      ['workflow.chatbot.session_ended', 'header-sign'],
      ['pds.contact.status', 'unsigned'],
      ['pds.task.status', 'unsigned'],
      ['pds.agent.status', 'unsigned'],
      ['chatbot.channel.message.sent', 'header-sign'],
      ['workflow.status.changed', 'unsigned'],
      ['workflow.list.completed', 'unsigned'],
      ['workflow.custom_api.pushed', 'unsigned'],
      ['qa.recording.reported', 'md5-sign'],
      ['chatbot.*', 'header-sign'],
    ])
  })

  it('lists the verification targets of each scheme, a wildcard standing for the types it covers', () => {
    expect(typesSignedWith('md5-sign')).toEqual(['workflow.call.completed', 'qa.recording.reported'])
    expect(typesSignedWith('header-sign')).toEqual(['workflow.chatbot.session_ended', 'chatbot.*'])
    expect(typesSignedWith('unsigned')).toEqual([
      'pds.*',
      'workflow.status.changed',
      'workflow.list.completed',
      'workflow.custom_api.pushed',
    ])
  })
})

describe('optionsFromEnv follows the definitions', () => {
  const methodOf = (rule: Verifier | false | undefined) => (rule ? rule.name : rule)

  it('leaves header-signed and unsigned types unconfigured when their variables are unset', () => {
    const { key, verify, unconfigured } = optionsFromEnv({})
    expect(key).toBeUndefined() // the default KEY, with a start-up warning
    expect(verify).toEqual({})
    expect(unconfigured).toEqual([
      ...typesSignedWith('header-sign'),
      ...typesSignedWith('unsigned'),
      'unknown',
    ])
  })

  it('puts the header check on exactly the header-signed types, and the URL token on the rest', () => {
    const options = optionsFromEnv({
      AIRUDDER_KEY: 'k1, k2',
      AIRUDDER_HEADER_ALGORITHM: 'hmac-sha256-hex',
      AIRUDDER_URL_TOKEN: 's3cret',
    })
    const rules = Object.fromEntries(
      Object.entries(options.verify ?? {}).map(([target, rule]) => [target, methodOf(rule)]),
    )
    expect(rules).toEqual({
      'workflow.chatbot.session_ended': 'headerSign',
      'chatbot.*': 'headerSign',
      '*': 'urlToken',
    })
    expect(options.key).toEqual(['k1', 'k2'])
    expect(options.unconfigured).toEqual([])
  })

  it('refuses an unknown header algorithm, naming the ones it knows', () => {
    expect(() => optionsFromEnv({ AIRUDDER_HEADER_ALGORITHM: 'md4' })).toThrow(
      /^@airudder-webhooks\/core: AIRUDDER_HEADER_ALGORITHM must be one of hmac-sha256-hex, /,
    )
  })
})

describe("a definition's signing sets its default check", () => {
  const collectionCall = defineEvent({
    type: 'collection.call.completed',
    matches: { CaseID: 'string', TaskID: 'string' },
    schema: z.looseObject({ CaseID: z.string(), TaskID: z.string() }),
    signing: 'md5-sign',
  })

  it('checks the md5 Sign of a user type declared md5-sign, with no verifier written', async () => {
    const webhooks = createWebhooks({ key: 'k', events: [collectionCall], logger: false })
    const handled: unknown[] = []
    webhooks.on('collection.call.completed', (event) => void handled.push(event.verification))
    const payload = { CaseID: 'c1', TaskID: 't1' }
    const send = (key: string) => {
      const { body, headers } = signDelivery(payload, { key, scheme: 'md5' })
      return webhooks.handle(new Request('http://localhost/hook', { method: 'POST', body, headers }))
    }
    expect((await send('wrong')).status).toBe(401)
    expect((await send('k')).status).toBe(200)
    expect(handled).toEqual([{ status: 'verified', method: 'md5Sign', keyIndex: 0 }])
  })

  it('signs test deliveries the way the definition says', () => {
    expect(defaultScheme('qa.recording.reported')).toBe('md5')
    expect(defaultScheme('chatbot.session.started')).toBe('hmac-sha256-hex')
    expect(defaultScheme('workflow.custom_api.pushed')).toBe('url-token')
    expect(defaultScheme('unknown')).toBe('none')
  })
})
