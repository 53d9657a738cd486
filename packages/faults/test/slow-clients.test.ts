/**
 * Slow clients against the Express and Hono examples as real processes: headers trickled a byte
 * at a time, and a body shorter than its Content-Length. With `airudderServerOptions` the server
 * drops them within seconds (Node's defaults keep them for about 90 s and 5 minutes); AIRudder
 * itself sends everything at once and waits 10 s.
 */
import { createRequire } from 'node:module'
import { connect } from 'node:net'
import { fileURLToPath } from 'node:url'
import { KEY, type RunningServer, startServer } from '@airudder-webhooks/conformance'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { record } from '../src/index'

const TRICKLE_FOR_MS = 30_000

/** Writes `head` then one byte of `trickle` every 250 ms; resolves when the server closes the connection. */
function slowClient(
  url: string,
  head: string,
  trickle: string,
): Promise<{ closedAfterMs: number; answer: string }> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const socket = connect(Number(port), hostname)
    let answer = ''
    let sent = 0
    const timer = setInterval(() => {
      if (sent < trickle.length) socket.write(trickle[sent++] ?? '')
    }, 250)
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => {
      answer += chunk
    })
    socket.on('error', () => undefined)
    socket.on('close', () => {
      clearInterval(timer)
      resolve({ closedAfterMs: Date.now() - started, answer: answer.split('\r\n')[0] ?? '' })
    })
    socket.write(head)
    setTimeout(() => reject(new Error('the server kept the slow client')), TRICKLE_FOR_MS + 5000).unref()
  })
}

const examples = ['express-server', 'hono-server'] as const

describe.concurrent.each(examples)('%s example with a slow client', (example) => {
  const dir = fileURLToPath(new URL(`../../../examples/${example}/`, import.meta.url))
  const tsx = createRequire(`${dir}package.json`).resolve('tsx/cli')
  let server: RunningServer
  beforeAll(async () => {
    server = await startServer({
      cwd: dir,
      command: process.execPath,
      args: [tsx, 'src/server.ts'],
      env: { AIRUDDER_KEY: KEY },
    })
  })
  afterAll(() => server?.stop())

  it('drops a client that trickles its headers within seconds', async () => {
    const trickle = 'X-Slow: 1\r\n'.repeat(20) // 220 bytes at 4 a second: 55 s if allowed
    const result = await slowClient(server.url, 'POST /webhooks/airudder HTTP/1.1\r\nHost: x\r\n', trickle)
    record(`${example}: headers trickled`, result)
    expect(result.closedAfterMs).toBeLessThan(TRICKLE_FOR_MS)
  }, 40_000)

  it('drops a client whose body is shorter than its Content-Length within seconds', async () => {
    const head =
      'POST /webhooks/airudder HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"TaskID":'
    const result = await slowClient(server.url, head, '')
    record(`${example}: body missing`, result)
    expect(result.closedAfterMs).toBeLessThan(TRICKLE_FOR_MS)
  }, 40_000)
})
