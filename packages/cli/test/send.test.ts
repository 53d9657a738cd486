import { buildEvent, signDelivery } from '@airudder-webhooks/core/testing'
import { describe, expect, it } from 'vitest'
import { cli, HEADER_KEY, KEY, tempFiles, URL_TOKEN, useExample } from './helpers'

describe('send, against the Express example', () => {
  const example = useExample()

  it('posts a signed sample of a type and prints status, latency and body; the receiver handles it', async () => {
    const before = example.server.lines.length
    const result = await cli(['send', 'workflow.call.completed', '--url', example.url, '--key', KEY])
    expect(result).toMatchObject({ code: 0, stderr: '' })
    expect(result.stdout.split('\n')).toEqual([
      `POST ${example.url}  workflow.call.completed, signed md5`,
      expect.stringMatching(/^200 OK {2}\d+ ms$/),
      '{}',
      '',
    ])
    await example.server.waitForLine(/^workflow\.call\.completed 490d5e… 1 call\(s\), intention E$/)
    expect(example.server.lines.length).toBeGreaterThan(before)
  })

  it.each([
    ['pds.task.status', URL_TOKEN, 'url-token'],
    ['chatbot.channel.message.sent', HEADER_KEY, 'hmac-sha256-hex'],
    ['workflow.chatbot.session_ended', HEADER_KEY, 'hmac-sha256-hex'],
  ])('signs %s the way the receiver is configured for (auto scheme)', async (type, key, scheme) => {
    const result = await cli(['send', type, '--url', example.url, '--key', key])
    expect(result.stdout).toContain(`${type}, signed ${scheme}`)
    expect(result.stdout).toMatch(/^200 OK/m)
    expect(result.code).toBe(0)
  })

  it('masks the URL token when it prints the URL', async () => {
    const result = await cli(['send', 'pds.agent.status', '--url', example.url, '--key', URL_TOKEN])
    expect(result.stdout).toContain(`POST ${example.url}?token=***  pds.agent.status, signed url-token`)
    expect(result.stdout).not.toContain(URL_TOKEN)
  })

  it('prints the 401 and exits 1 when the key is wrong', async () => {
    const result = await cli(['send', 'workflow.call.completed', '--url', example.url, '--key', 'wrong-key'])
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/^401 Unauthorized {2}\d+ ms$/m)
    expect(result.stdout).toContain('"code":"invalid_signature"')
  })

  it('sends a captured file as captured, or re-signed with --key/--scheme', async () => {
    const payload = buildEvent('workflow.call.completed', { Details: [{ CallID: 'captured-1' }] })
    const chat = signDelivery(buildEvent('chatbot.session.started'), {
      key: HEADER_KEY,
      scheme: 'hmac-sha256-hex',
    })
    const dir = tempFiles({
      'signed.json': signDelivery(payload, { key: KEY }).body,
      'unsigned.json': JSON.stringify(
        buildEvent('workflow.call.completed', { Sign: undefined, Details: [{ CallID: 'c-2' }] }),
      ),
      'envelope.json': JSON.stringify({ body: chat.body, headers: chat.headers, url: '/hooks?tenant=1' }),
    })
    expect(await cli(['send', 'signed.json', '--url', example.url], { cwd: dir })).toMatchObject({ code: 0 })
    const asCaptured = await cli(['send', 'unsigned.json', '--url', example.url], { cwd: dir })
    expect(asCaptured.stdout).toContain('signed as captured')
    expect(asCaptured.code).toBe(1)
    expect(
      await cli(['send', 'unsigned.json', '--url', example.url, '--key', KEY], { cwd: dir }),
    ).toMatchObject({
      code: 0,
    })
    const envelope = await cli(['send', 'envelope.json', '--url', example.url], { cwd: dir })
    expect(envelope.stdout).toContain('chatbot.session.started, signed as captured')
    expect(envelope.code).toBe(0)
  })

  it('exits 3 when nothing listens', async () => {
    const closed = new URL(example.url)
    closed.port = '1'
    const result = await cli(['send', 'workflow.call.completed', '--url', closed.href])
    expect(result.code).toBe(3)
    expect(result.stderr).toMatch(/^could not deliver: /)
  })

  it('prints --help with the exit codes', async () => {
    const result = await cli(['send', '--help'])
    expect(result).toMatchObject({ code: 0, stderr: '' })
    expect(result.stdout).toMatch(/^Usage: airudder-webhooks send <type\|file.json> --url <url>/)
    expect(result.stdout).toContain('Exit codes: 0 answered 2xx, 1 answered otherwise, 2 usage error, 3')
  })

  it.each([
    [['send', 'workflow.call.completed'], '--url is required'],
    [['send', '--url', 'http://127.0.0.1:9/'], 'expected one event type or file.json'],
    [
      ['send', 'workflow.call.complete', '--url', 'http://127.0.0.1:9/'],
      '"workflow.call.complete" is neither a file',
    ],
    [['send', 'pds.task.status', '--url', 'ftp://x'], '--url must be an absolute http(s) URL'],
    [
      ['send', 'pds.task.status', '--url', 'http://x/', '--scheme', 'sha1'],
      '--scheme must be one of auto, md5',
    ],
    [['send', 'pds.task.status', '--url', 'http://x/', '--bogus'], "Unknown option '--bogus'"],
  ])('usage error %j: exit 2 with a clear message', async (args, message) => {
    const result = await cli(args)
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain(`airudder-webhooks send: ${message}`)
    expect(result.stderr).toContain("Run 'airudder-webhooks send --help' for usage.")
  })
})
