/**
 * @module
 * One process for `valgrind --tool=callgrind`: handles `warmup + count` copies of one signed delivery
 * in one mode, then exits. The runner starts it twice (two counts after the same warm-up) and divides
 * the difference in instructions by the difference in counts, so start-up, imports and warm-up cancel
 * and what is left is per delivery. Plain JavaScript over core's built dist: no TypeScript loader runs
 * under valgrind.
 *
 *   node probe.mjs <delivery.json> <json|pipeline|request|handle|floor|bare> <count> <warmup>
 *
 * `floor` and `bare` measure the least a receiver pays (see `Floors` in measure.ts): the body decoded,
 * parsed and, when it is signed in a header, its HMAC checked; and a Web route that only reads, parses
 * and answers `{}`.
 */
import { createHmac, createSecretKey } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createWebhooks, headerSign, urlToken } from '@airudder-webhooks/core'

const [file, mode, countArg, warmupArg] = process.argv.slice(2)
const count = Number(countArg)
const warmup = Number(warmupArg)
/** Written by the runner from the conformance deliveries (keys and rules come with it). */
const spec = JSON.parse(readFileSync(file, 'utf8'))
const { delivery } = spec

const alwaysNew = { reserve: () => 'new', markDone() {}, release() {} }
const webhooks = createWebhooks({
  key: spec.key,
  verify: {
    'workflow.chatbot.session_ended': headerSign({ algorithm: 'hmac-sha256-hex', keys: spec.headerKey }),
    'chatbot.*': headerSign({ algorithm: 'hmac-sha256-hex', keys: spec.headerKey }),
    '*': urlToken({ tokens: spec.urlToken }),
  },
  idempotency: alwaysNew,
  logger: false,
})
let handled = 0
webhooks.onAny(() => {
  handled++
})

const url = `http://localhost${delivery.path}`
const bytes = new TextEncoder().encode(delivery.body)
const headers = new Headers(delivery.headers)
const total = warmup + count
let sink = 0

const decoder = new TextDecoder('utf-8', { fatal: true })
const bareAnswer = { status: 200, headers: { 'Content-Type': 'application/json; charset=utf-8' } }

if (mode === 'json') {
  for (let i = 0; i < total; i++) sink += JSON.parse(delivery.body) === null ? 0 : 1
} else if (mode === 'floor') {
  const signature = delivery.headers['x-airudder-sign']
  const secret = createSecretKey(new TextEncoder().encode(spec.headerKey))
  for (let i = 0; i < total; i++) {
    sink += JSON.parse(decoder.decode(bytes)) === null ? 0 : 1
    if (signature !== undefined && createHmac('sha256', secret).update(bytes).digest('hex') !== signature)
      throw new Error('probe: the floor computed another signature than the delivery carries')
  }
} else if (mode === 'pipeline') {
  for (let i = 0; i < total; i++) {
    const answer = await webhooks.verifyAndReceive({ body: bytes, headers, url })
    if (answer.status !== 200) throw new Error(`probe: the pipeline answered ${answer.status}`)
  }
} else if (mode === 'request' || mode === 'handle' || mode === 'bare') {
  // Each Request is built in the loop, as a server builds it, so only a few are alive at a time (thousands
  // built ahead made the old generation, and which run a major collection fell in, vary by a third).
  // The runner subtracts the cost of building them, measured alone in 'request' mode.
  const init = {
    method: 'POST',
    headers: { ...delivery.headers, 'content-length': String(bytes.byteLength) },
  }
  for (let i = 0; i < total; i++) {
    const request = new Request(url, { ...init, body: bytes })
    if (mode === 'request') {
      sink += request.bodyUsed ? 0 : 1
      continue
    }
    if (mode === 'bare') {
      sink += JSON.parse(decoder.decode(new Uint8Array(await request.arrayBuffer()))) === null ? 0 : 1
      sink += new Response('{}', bareAnswer).status
      continue
    }
    const response = await webhooks.handle(request)
    if (response.status !== 200) throw new Error(`probe: handle answered ${response.status}`)
  }
} else {
  throw new Error(`probe: unknown mode ${mode}`)
}
if ((mode === 'pipeline' || mode === 'handle') && handled !== total)
  throw new Error(`probe: ${handled} of ${total} deliveries reached the handler`)
if (sink < 0) console.log(sink)
