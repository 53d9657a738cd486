import { readFileSync } from 'node:fs'
import { buildEvent, signDelivery } from '@airudder-webhooks/core/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli, type FlakyServer, KEY, startFlakyServer, tempFiles, useExample } from './helpers'

const captured = (callId: string, key = KEY) =>
  signDelivery(buildEvent('workflow.call.completed', { Details: [{ CallID: callId }] }), { key }).body

describe('replay with retries, against a receiver whose handler fails the first delivery', () => {
  let server: FlakyServer
  beforeAll(async () => {
    server = await startFlakyServer(1)
  })
  afterAll(() => server?.close())

  it('retries on the compressed schedule (60s / 600 = 100 ms) and reports what was answered', async () => {
    const dir = tempFiles({ 'call.json': captured('r-1') })
    const args = ['replay', dir, '--url', server.url, '--retries', '2', '--interval', '60s', '--speed', '600']
    const result = await cli(args)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(server.arrivals.map((arrival) => arrival.status)).toEqual([500, 200])
    const [first, second] = server.arrivals
    const gap = second!.at - first!.at
    expect(gap).toBeGreaterThanOrEqual(95)
    expect(gap).toBeLessThan(1000)

    const lines = result.stdout.split('\n')
    expect(lines[0]).toBe(`replaying 1 delivery to ${server.url}: 2 retries, every 60s / 600 = 100 ms`)
    expect(lines[1]).toMatch(
      /^\+\d+ms {2}.*call\.json {2}attempt 1\/3 {2}500 \{"error":\{"code":"handler_failed"/,
    )
    expect(lines[2]).toMatch(/^\+(\d+)ms {2}.*call\.json {2}attempt 2\/3 {2}200 \{\} {2}\d+ ms$/)
    const offsets = [lines[1], lines[2]].map((line) => Number(/^\+(\d+)ms/.exec(line ?? '')?.[1]))
    expect(offsets[1]! - offsets[0]!).toBeGreaterThanOrEqual(100)
    expect(result.stdout).toMatch(
      /call\.json {2}workflow\.call\.completed {2}delivered after 2 attempts \(500, 200\)/,
    )
    expect(lines.at(-2)).toBe('1 delivered, 0 dropped')
  })
})

describe('replay against the Express example', () => {
  const example = useExample()

  it('plays a directory in name order; a refused delivery is retried, then dropped (exit 1)', async () => {
    const dir = tempFiles({
      'a.json': captured('x-1'),
      'b.json': captured('x-2', 'wrong-key'),
      'notes.txt': 'skip',
    })
    const result = await cli([
      'replay',
      dir,
      '--url',
      example.url,
      '--retries',
      '1',
      '--interval',
      '1m',
      '--speed',
      '600',
    ])
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/a\.json {2}attempt 1\/2 {2}200 \{\}/)
    expect(result.stdout).toMatch(/b\.json {2}attempt 2\/2 {2}401 /)
    expect(result.stdout).toMatch(
      /b\.json {2}workflow\.call\.completed {2}dropped after 2 attempts \(401, 401\)/,
    )
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('1 delivered, 1 dropped')
    expect(result.stdout.indexOf('a.json')).toBeLessThan(result.stdout.indexOf('b.json'))
  })

  it('re-signs captured deliveries with --key', async () => {
    const dir = tempFiles({ 'b.json': captured('x-3', 'wrong-key') })
    const result = await cli([
      'replay',
      `${dir}/b.json`,
      '--url',
      example.url,
      '--key',
      KEY,
      '--retries',
      '0',
    ])
    expect(result.stdout).toContain('1 delivered, 0 dropped')
    expect(result.code).toBe(0)
  })

  it("replays the test kit's sample as shipped: its redacted Sign is signed by the kit when sent", async () => {
    const sample = readFileSync(
      new URL('../../core/src/testing/samples/workflow-call-completed.json', import.meta.url),
      'utf8',
    )
    expect(sample).toContain('"Sign": "a395ce1acxxxxxxxx7bab53f5"')
    const dir = tempFiles({ 'sample.json': sample })
    const result = await cli(['replay', dir, '--url', example.url, '--key', KEY, '--retries', '0'])
    expect(result.stdout).toContain('1 delivered, 0 dropped')
    const asShipped = await cli(['send', `${dir}/sample.json`, '--url', example.url])
    // No --key: signed with the default KEY, which this receiver (KEY cli-key) refuses, and says why.
    expect(asShipped.stdout).toContain('signed md5 (its Sign was a redacted placeholder)')
    expect(asShipped.stdout).toContain("default KEY 'airudder'")
    expect(asShipped.code).toBe(1)
  })

  it('prints --help', async () => {
    const result = await cli(['replay', '-h'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('--speed <n>')
  })

  it.each([
    [['replay', '/nonexistent-dir', '--url', 'http://127.0.0.1:9/'], '/nonexistent-dir does not exist'],
    [['replay', '.', '--url', 'http://127.0.0.1:9/', '--speed', '0'], '--speed must be a number > 0'],
    [['replay', '.', '--url', 'http://127.0.0.1:9/', '--interval', 'soon'], '--interval must be a duration'],
    [['replay', '.', '--url', 'http://127.0.0.1:9/', '--retries=-1'], '--retries must be a whole number'],
  ])('usage error %j: exit 2', async (args, message) => {
    const result = await cli(args)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(`airudder-webhooks replay: ${message}`)
  })

  it('says so when a directory holds no deliveries', async () => {
    const result = await cli(['replay', tempFiles({}), '--url', example.url])
    expect(result).toMatchObject({ code: 2, stderr: expect.stringContaining('holds no .json deliveries') })
  })
})
