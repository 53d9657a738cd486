import { HEADER_SIGN_ALGORITHMS } from '@airudder-webhooks/core/schemas'
import { buildEvent, signDelivery } from '@airudder-webhooks/core/testing'
import { describe, expect, it } from 'vitest'
import { cli, HEADER_KEY, tempFiles } from './helpers'

const sign = (algorithm: (typeof HEADER_SIGN_ALGORITHMS)[number]) =>
  signDelivery(buildEvent('chatbot.channel.message.sent'), { key: HEADER_KEY, scheme: algorithm })

describe('detect-signature', () => {
  it.each(HEADER_SIGN_ALGORITHMS)(
    'finds %s and prints the headerSign option to configure',
    async (algorithm) => {
      const delivery = sign(algorithm)
      const dir = tempFiles({ 'body.json': delivery.body })
      const signature = delivery.headers['x-airudder-sign'] ?? ''
      const result = await cli(
        ['detect-signature', '--body', 'body.json', '--signature', signature, '--key', HEADER_KEY],
        {
          cwd: dir,
        },
      )
      expect(result).toMatchObject({ code: 0, stderr: '' })
      expect(result.stdout.split('\n')).toEqual([
        `match: ${algorithm}`,
        '',
        'Configure:',
        `  headerSign({ header: 'X-AIRudder-Sign', algorithm: '${algorithm}', keys: process.env.AIRUDDER_HEADER_KEY! })`,
        `  or, with optionsFromEnv: AIRUDDER_HEADER_ALGORITHM=${algorithm}`,
        '',
      ])
    },
  )

  it('accepts uppercase hex and unpadded base64, as the receiver does', async () => {
    const hex = sign('hmac-sha1-hex')
    const base64 = sign('hmac-sha256-base64')
    const dir = tempFiles({ 'hex.json': hex.body, 'b64.json': base64.body })
    const upper = (hex.headers['x-airudder-sign'] ?? '').toUpperCase()
    const unpadded = (base64.headers['x-airudder-sign'] ?? '').replace(/=+$/, '')
    const args = (file: string, signature: string) => [
      'detect-signature',
      '--body',
      file,
      '--signature',
      signature,
      '--key',
      HEADER_KEY,
    ]
    expect((await cli(args('hex.json', upper), { cwd: dir })).stdout).toMatch(/^match: hmac-sha1-hex$/m)
    expect((await cli(args('b64.json', unpadded), { cwd: dir })).stdout).toMatch(
      /^match: hmac-sha256-base64$/m,
    )
  })

  it('still finds it when the saved body gained a trailing newline, and says so', async () => {
    const delivery = sign('md5-key-body-hex')
    const dir = tempFiles({ 'body.json': `${delivery.body}\n` })
    const signature = delivery.headers['x-airudder-sign'] ?? ''
    const result = await cli(
      ['detect-signature', '--body', 'body.json', '--signature', signature, '--key', HEADER_KEY],
      {
        cwd: dir,
      },
    )
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('match: md5-key-body-hex\n  (only without the trailing newline')
  })

  it('says what to check when nothing matches (wrong key: exit 1)', async () => {
    const delivery = sign('hmac-sha256-hex')
    const dir = tempFiles({ 'body.json': delivery.body })
    const signature = delivery.headers['x-airudder-sign'] ?? ''
    const result = await cli(
      ['detect-signature', '--body', 'body.json', '--signature', signature, '--key', 'wrong'],
      {
        cwd: dir,
      },
    )
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('no supported construction matches (tried hmac-sha256-hex, ')
    expect(result.stdout).toContain('exact bytes received')
  })

  it('prints --help, and exits 2 when an option is missing', async () => {
    expect(await cli(['detect-signature', '--help'])).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('--signature <value>'),
    })
    const result = await cli(['detect-signature', '--body', 'x.json', '--key', 'k'])
    expect(result).toMatchObject({ code: 2, stdout: '' })
    expect(result.stderr).toContain('airudder-webhooks detect-signature: --signature is required')
  })
})
