/**
 * @module
 * `runExampleE2E(example)`: the end-to-end tests every example server shares. The example runs as
 * a real process; every fixture is posted signed (200, its summary line printed once) and tampered
 * (401, no new summary); nothing secret is printed; with nothing configured it says which types it
 * refuses, accepts the README's curl body and refuses unsigned pushes.
 */
import { parse, summarizeEvent } from '@airudder-webhooks/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  FIXTURES,
  HEADER_KEY,
  KEY,
  type SignedDelivery,
  signedDelivery,
  URL_TOKEN,
  WEBHOOK_PATH,
} from './deliveries'
import type { RunningServer } from './process'

export interface ExampleUnderTest {
  readonly name: string
  /** Starts the example with these environment variables (bounded; throws if it does not answer). */
  start(env: Readonly<Record<string, string>>): Promise<RunningServer>
  /** The body the example's README posts with curl (signed with the default KEY `airudder`). */
  readonly readmeBody: string
  /** Example-specific tests against the configured server. */
  readonly more?: (server: () => RunningServer) => void
}

export async function postDelivery(
  server: RunningServer,
  delivery: Pick<SignedDelivery, 'path' | 'headers' | 'body'>,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${server.url}${delivery.path}`, {
    method: 'POST',
    headers: delivery.headers,
    body: delivery.body,
    signal: AbortSignal.timeout(5000),
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
const NOTICE = 'not accepted until configured'

export function runExampleE2E(example: ExampleUnderTest): void {
  describe(`${example.name} example, configured from the environment`, () => {
    let server: RunningServer
    beforeAll(async () => {
      server = await example.start({
        AIRUDDER_KEY: KEY,
        AIRUDDER_HEADER_ALGORITHM: 'hmac-sha256-hex',
        AIRUDDER_HEADER_KEY: HEADER_KEY,
        AIRUDDER_URL_TOKEN: URL_TOKEN,
      })
    })
    afterAll(() => server?.stop())

    it('has no unconfigured types to report', () => {
      expect(server.lines.filter((line) => line.startsWith(NOTICE))).toEqual([])
    })

    it.each(FIXTURES)('accepts a signed %s and logs its summary; refuses it tampered', async (file, type) => {
      const delivery = signedDelivery(file, type)
      const parsed = parse(delivery.body)
      if (!parsed.ok) throw new Error(`fixture ${file} does not parse`)
      const summary = summarizeEvent(parsed.event)

      const before = server.lines.length
      expect(await postDelivery(server, delivery)).toEqual({ status: 200, body: {} })
      await nextLine(server, before, (line) => line === summary)
      expect(count(server, summary)).toBe(1)

      const tampered = server.lines.length
      expect(await postDelivery(server, signedDelivery(file, type, { tamper: true }))).toEqual({
        status: 401,
        body: { error: { code: 'invalid_signature', message: expect.any(String) } },
      })
      expect(await nextLine(server, tampered, (line) => line.startsWith('webhook error'))).toBe(
        'webhook error invalid_signature (no event)',
      )
      expect(count(server, summary)).toBe(1)
    })

    it('never prints a key, a signature or a phone number', () => {
      const output = server.lines.join('\n')
      for (const secret of [KEY, HEADER_KEY, URL_TOKEN, 'wrong-token', '+86xxxxxxxx721']) {
        expect(output).not.toContain(secret)
      }
    })

    example.more?.(() => server)
  })

  describe(`${example.name} example with nothing configured`, () => {
    let server: RunningServer
    beforeAll(async () => {
      server = await example.start({
        AIRUDDER_KEY: '',
        AIRUDDER_HEADER_ALGORITHM: '',
        AIRUDDER_HEADER_KEY: '',
        AIRUDDER_URL_TOKEN: '',
      })
    })
    afterAll(() => server?.stop())

    it("accepts the README's curl body, signed with the default KEY `airudder`", async () => {
      const headers = { 'content-type': 'application/json' }
      const before = server.lines.length
      const delivery = { path: WEBHOOK_PATH, headers, body: example.readmeBody }
      expect(await postDelivery(server, delivery)).toEqual({ status: 200, body: {} })
      await nextLine(
        server,
        before,
        (line) => line === 'workflow.call.completed 490d5e… 1 call(s), intention E',
      )
    })

    it('prints one line (at the latest when the route first loads) naming the refused types and the variables that enable them', async () => {
      const notice = await nextLine(server, 0, (line) => line.startsWith(NOTICE))
      expect(server.lines.filter((line) => line.startsWith(NOTICE))).toHaveLength(1)
      expect(notice).toContain('workflow.chatbot.session_ended, chatbot.*, pds.*, workflow.status.changed')
      expect(notice).toMatch(/AIRUDDER_HEADER_ALGORITHM.*AIRUDDER_URL_TOKEN/)
    })

    it('refuses an unsigned push it has no check for (401), instead of accepting it unchecked', async () => {
      expect(await postDelivery(server, signedDelivery(...FIXTURES[2]))).toMatchObject({
        status: 401,
        body: { error: { code: 'verifier_not_configured' } },
      })
    })
  })
}
