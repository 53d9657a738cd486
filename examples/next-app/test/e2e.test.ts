/**
 * Builds the example once with `next build`, runs it with `next start` as a real process, and
 * drives it over loopback with every fixture, signed and tampered, the way AIRudder would send them.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import {
  FIXTURES,
  HEADER_KEY,
  KEY,
  type RunningServer,
  type SignedDelivery,
  signedDelivery,
  startServer,
  URL_TOKEN,
} from '@airudder-webhooks/conformance'
import { parse, summarizeEvent } from '@airudder-webhooks/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const exampleDir = fileURLToPath(new URL('..', import.meta.url))
const nextBin = createRequire(new URL('../package.json', import.meta.url)).resolve('next/dist/bin/next')
const nextEnv = { NEXT_TELEMETRY_DISABLED: '1' }

beforeAll(() => {
  const build = spawnSync(process.execPath, [nextBin, 'build'], {
    cwd: exampleDir,
    env: { ...process.env, ...nextEnv },
    encoding: 'utf8',
    timeout: 180_000,
  })
  if (build.status !== 0) {
    throw new Error(`next build failed (${build.signal ?? build.status}):\n${build.stdout}\n${build.stderr}`)
  }
}, 200_000)

/** `next start` on the port startServer picked (it sets PORT), passed explicitly with `-p`. */
const start = (env: Record<string, string>) =>
  startServer({
    cwd: exampleDir,
    command: 'sh',
    args: ['-c', 'exec "$0" "$1" start -p "$PORT" -H 127.0.0.1', process.execPath, nextBin],
    env: { ...nextEnv, ...env },
    readyPath: '/',
    timeoutMs: 60_000,
  })

async function post(server: RunningServer, delivery: Pick<SignedDelivery, 'path' | 'headers' | 'body'>) {
  const response = await fetch(`${server.url}${delivery.path}`, {
    method: 'POST',
    headers: delivery.headers,
    body: delivery.body,
    signal: AbortSignal.timeout(10_000),
  })
  return { status: response.status, body: await response.json() }
}

/** Waits (bounded) for a line printed after the first `from` lines that satisfies `matches`. */
async function nextLine(server: RunningServer, from: number, matches: (line: string) => boolean) {
  const until = Date.now() + 5000
  for (;;) {
    const line = server.lines.slice(from).find(matches)
    if (line !== undefined) return line
    if (Date.now() > until) throw new Error(`no matching line; output:\n${server.lines.join('\n')}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

const count = (server: RunningServer, line: string) => server.lines.filter((each) => each === line).length
const notices = (server: RunningServer) =>
  server.lines.filter((line) => line.startsWith('not accepted until configured'))

describe('next-app example, configured from the environment', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await start({
      AIRUDDER_KEY: KEY,
      AIRUDDER_HEADER_ALGORITHM: 'hmac-sha256-hex',
      AIRUDDER_HEADER_KEY: HEADER_KEY,
      AIRUDDER_URL_TOKEN: URL_TOKEN,
    })
  }, 70_000)
  afterAll(() => server?.stop())

  it.each(FIXTURES)('accepts a signed %s and logs its summary; refuses it tampered', async (file, type) => {
    const delivery = signedDelivery(file, type)
    const parsed = parse(delivery.body)
    if (!parsed.ok) throw new Error(`fixture ${file} does not parse`)
    const summary = summarizeEvent(parsed.event)

    const before = server.lines.length
    expect(await post(server, delivery)).toEqual({ status: 200, body: {} })
    await nextLine(server, before, (line) => line === summary)
    expect(count(server, summary)).toBe(1)

    const tampered = server.lines.length
    expect(await post(server, signedDelivery(file, type, { tamper: true }))).toEqual({
      status: 401,
      body: { error: { code: 'invalid_signature', message: expect.any(String) } },
    })
    expect(await nextLine(server, tampered, (line) => line.startsWith('webhook error'))).toBe(
      'webhook error invalid_signature (no event)',
    )
    expect(count(server, summary)).toBe(1)
  })

  it('has no unconfigured types to report', () => {
    expect(notices(server)).toEqual([])
  })

  it('answers a GET with 405: Next.js itself, as the route exports only POST', async () => {
    const response = await fetch(`${server.url}/webhooks/airudder`, { signal: AbortSignal.timeout(10_000) })
    expect(response.status).toBe(405)
  })

  it('never prints a key, a signature or a phone number', () => {
    const output = server.lines.join('\n')
    for (const secret of [KEY, HEADER_KEY, URL_TOKEN, 'wrong-token', '+86xxxxxxxx721']) {
      expect(output).not.toContain(secret)
    }
  })
})

describe('next-app example with nothing configured', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await start({
      AIRUDDER_KEY: '',
      AIRUDDER_HEADER_ALGORITHM: '',
      AIRUDDER_HEADER_KEY: '',
      AIRUDDER_URL_TOKEN: '',
    })
  }, 70_000)
  afterAll(() => server?.stop())

  it("accepts the README's curl body, signed with the default KEY `airudder`", async () => {
    const body = readFileSync(new URL('fixtures/workflow-call-completed.json', import.meta.url), 'utf8')
    const headers = { 'content-type': 'application/json' }
    const before = server.lines.length
    expect(await post(server, { path: '/webhooks/airudder', headers, body })).toEqual({
      status: 200,
      body: {},
    })
    await nextLine(
      server,
      before,
      (line) => line === 'workflow.call.completed 490d5e… 1 call(s), intention E',
    )
  })

  it('printed one line, when the route loaded, naming the refused types and how to enable them', () => {
    expect(notices(server)).toHaveLength(1)
    expect(notices(server)[0]).toContain(
      'workflow.chatbot.session_ended, chatbot.*, pds.*, workflow.status.changed',
    )
    expect(notices(server)[0]).toMatch(/AIRUDDER_HEADER_ALGORITHM.*AIRUDDER_URL_TOKEN/)
  })

  it('refuses an unsigned push it has no check for (401), instead of accepting it unchecked', async () => {
    expect(await post(server, signedDelivery(...FIXTURES[2]))).toMatchObject({
      status: 401,
      body: { error: { code: 'verifier_not_configured' } },
    })
  })
})
