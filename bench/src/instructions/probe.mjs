/**
 * @module
 * One process for `valgrind --tool=callgrind`: handles `warmup + count` copies of one signed delivery
 * in one mode, then exits. The runner starts it twice (count 0 and count N) and divides the difference
 * in instructions by N, so start-up, imports and warm-up cancel and what is left is per delivery.
 * Everything the timed loop does not itself do (the Requests, the bytes) is prepared for `warmup + count`
 * in both runs, so it cancels too. Plain JavaScript over core's built dist: no TypeScript loader runs
 * under valgrind.
 *
 *   node probe.mjs <delivery.json> <json|pipeline|handle> <count> <warmup> <prepared>
 */
import { readFileSync } from 'node:fs'
import { createWebhooks, headerSign, urlToken } from '@airudder-webhooks/core'

const [file, mode, countArg, warmupArg, preparedArg] = process.argv.slice(2)
const count = Number(countArg)
const warmup = Number(warmupArg)
const prepared = Number(preparedArg)
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

if (mode === 'json') {
  for (let i = 0; i < total; i++) sink += JSON.parse(delivery.body) === null ? 0 : 1
} else if (mode === 'pipeline') {
  for (let i = 0; i < total; i++) {
    const answer = await webhooks.verifyAndReceive({ body: bytes, headers, url })
    if (answer.status !== 200) throw new Error(`probe: the pipeline answered ${answer.status}`)
  }
} else if (mode === 'handle') {
  const init = {
    method: 'POST',
    headers: { ...delivery.headers, 'content-length': String(bytes.byteLength) },
  }
  const requests = Array.from({ length: prepared }, () => new Request(url, { ...init, body: bytes }))
  for (let i = 0; i < total; i++) {
    const request = requests[i]
    requests[i] = undefined // handled Requests are garbage, as in a server: only those to come stay live
    const response = await webhooks.handle(request)
    if (response.status !== 200) throw new Error(`probe: handle answered ${response.status}`)
  }
} else {
  throw new Error(`probe: unknown mode ${mode}`)
}
if (mode !== 'json' && handled !== total)
  throw new Error(`probe: ${handled} of ${total} deliveries reached the handler`)
if (sink < 0) console.log(sink)
