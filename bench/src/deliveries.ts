/**
 * @module
 * Distinct signed deliveries for the benchmarks: many events, so duplicate detection never turns
 * the kit's work into a shortcut.
 */

import { fixtureJson } from '@airudder-webhooks/conformance'
import { md5Hex } from '@airudder-webhooks/core'
import { computeSignature } from '@airudder-webhooks/core/testing'
import { HEADER_KEY, KEY } from './kit'

export interface BenchDelivery {
  readonly body: string
  readonly headers: Record<string, string>
}

const encoder = new TextEncoder()

/** `workflow.call.completed` number `i`: its own CallID, its `Sign` made with KEY. */
export function callCompleted(i: number): BenchDelivery {
  const json = fixtureJson('workflow-call-completed.json') as {
    TaskID: string
    Sign: string
    Details: { CallID: string }[]
  }
  json.Sign = md5Hex(`${json.TaskID}${KEY}`)
  if (json.Details[0]) json.Details[0].CallID = `bench-call-${i}`
  return { body: JSON.stringify(json), headers: { 'content-type': 'application/json' } }
}

/** `callCompleted(i)` for any `i` from one template: cheap enough to make each delivery as it is sent. */
export function callCompletedSeries(): (i: number) => BenchDelivery {
  const { body, headers } = callCompleted(0)
  return (i) => ({ body: body.replace('"bench-call-0"', `"bench-call-${i}"`), headers })
}

/** `workflow.chatbot.session_ended` number `i` (the largest fixture), signed in the header with HMAC-SHA256. */
export function sessionEnded(i: number): BenchDelivery {
  const json = fixtureJson('workflow-chatbot-session-ended.json')
  json.call_id = `bench-session-${i}`
  const body = JSON.stringify(json)
  const sign = computeSignature('hmac-sha256-hex', encoder.encode(body), HEADER_KEY)
  return { body, headers: { 'content-type': 'application/json', 'x-airudder-sign': sign } }
}
