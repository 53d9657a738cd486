import { HEADER_SIGN_ALGORITHMS } from '@airudder-webhooks/core/schemas'
import { buildEvent, signDelivery } from '@airudder-webhooks/core/testing'
import { describe, expect, it } from 'vitest'
import { cli, HEADER_KEY, KEY, tempFiles } from './helpers'

const call = buildEvent('workflow.call.completed', { TaskID: 'task-9', Details: [{ CallID: 'call-9' }] })

describe('verify', () => {
  it('prints the type, the id, the md5 check that passed and a valid schema (exit 0)', async () => {
    const dir = tempFiles({ 'call.json': signDelivery(call, { key: KEY }).body })
    const result = await cli(['verify', 'call.json', '--key', 'old-key', '--key', KEY], { cwd: dir })
    expect(result).toMatchObject({ code: 0, stderr: '' })
    expect(result.stdout.split('\n')).toEqual([
      'type    workflow.call.completed',
      'id      workflow.call.completed:task-9/call-9',
      'check   md5Sign passed: body Sign = md5(TaskID + KEY) with key #2',
      'schema  valid',
      '',
    ])
  })

  it('fails the check with a wrong key (exit 1)', async () => {
    const dir = tempFiles({ 'call.json': signDelivery(call, { key: KEY }).body })
    const result = await cli(['verify', 'call.json', '--key', 'wrong'], { cwd: dir })
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('check   md5Sign failed: Sign does not match')
  })

  it.each(HEADER_SIGN_ALGORITHMS)(
    'names the X-AIRudder-Sign construction (%s) given with --header',
    async (algorithm) => {
      const delivery = signDelivery(buildEvent('workflow.chatbot.session_ended'), {
        key: HEADER_KEY,
        scheme: algorithm,
      })
      const dir = tempFiles({ 'chat.json': delivery.body })
      const header = `X-AIRudder-Sign=${delivery.headers['x-airudder-sign']}`
      const result = await cli(['verify', 'chat.json', '--header', header, '--key', HEADER_KEY], { cwd: dir })
      expect(result.stdout).toContain('type    workflow.chatbot.session_ended')
      expect(result.stdout).toContain(
        `check   headerSign passed: X-AIRudder-Sign is ${algorithm} with key #1`,
      )
      expect(result.code).toBe(0)
    },
  )

  it('reads headers from a captured envelope, and says when the header is missing', async () => {
    const delivery = signDelivery(buildEvent('chatbot.channel.message.sent'), { key: HEADER_KEY })
    const dir = tempFiles({
      'envelope.json': JSON.stringify({
        body: delivery.body,
        headers: { 'X-AIRudder-Sign': delivery.headers['x-airudder-sign'] },
      }),
      'bare.json': delivery.body,
    })
    expect((await cli(['verify', 'envelope.json', '--key', HEADER_KEY], { cwd: dir })).code).toBe(0)
    const bare = await cli(['verify', 'bare.json', '--key', HEADER_KEY], { cwd: dir })
    expect(bare.code).toBe(1)
    expect(bare.stdout).toContain('check   missing X-AIRudder-Sign: pass it with --header X-AIRudder-Sign=…')
  })

  it('lists schema issues with their JSON paths (exit 1)', async () => {
    const invalid = buildEvent('workflow.call.completed', {
      TaskName: undefined,
      Details: [{ CallTimes: 'twice' as unknown as number }],
    })
    const dir = tempFiles({ 'bad.json': signDelivery(invalid, { key: KEY }).body })
    const result = await cli(['verify', 'bad.json', '--key', KEY], { cwd: dir })
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('check   md5Sign passed')
    expect(result.stdout).toContain('schema  2 issues')
    expect(result.stdout).toContain('  $.TaskName: Invalid input: expected string, received undefined')
    expect(result.stdout).toContain(
      '  $.Details[0].CallTimes: Expected an integer (number or numeric string)',
    )
  })

  it('explains an unsigned type and an unknown shape', async () => {
    const dir = tempFiles({
      'pds.json': JSON.stringify(buildEvent('pds.contact.status')),
      'other.json': JSON.stringify({ hello: 'world' }),
      'broken.json': '{"TaskID": ',
    })
    const pds = await cli(['verify', 'pds.json'], { cwd: dir })
    expect(pds.stdout).toContain('check   none: AIRudder does not sign pds.contact.status')
    expect(pds.code).toBe(0)
    const other = await cli(['verify', 'other.json'], { cwd: dir })
    expect(other.stdout).toMatch(/^type {4}unknown \(no known event shape matches/m)
    expect(other.code).toBe(1)
    const broken = await cli(['verify', 'broken.json'], { cwd: dir })
    expect(broken).toMatchObject({
      code: 1,
      stdout: 'type    not JSON: The body is not valid JSON (it ends too early)\n',
    })
  })

  it('prints --help, and exits 2 on usage errors', async () => {
    expect(await cli(['verify', '--help'])).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('--header <N=V>'),
    })
    const missing = await cli(['verify'])
    expect(missing).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('airudder-webhooks verify: expected one file.json'),
    })
    const badHeader = await cli(['verify', 'x.json', '--header', 'nonsense'])
    expect(badHeader).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--header must look like Name=Value'),
    })
    const noFile = await cli(['verify', 'nowhere.json'])
    expect(noFile).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('cannot read nowhere.json: ENOENT'),
    })
  })
})
