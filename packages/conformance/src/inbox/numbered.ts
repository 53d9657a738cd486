/**
 * @module
 * Numbered deliveries for load and crash tests: the published workflow-call-completed fixture
 * with its own `CallID`, signed with the conformance KEY the way AIRudder signs it. Its event id
 * (as core derives it, from `TaskID` and the `CallID`s) differs for every number.
 */

import { md5Hex, parse } from '@airudder-webhooks/core'
import { fixtureJson, KEY, WEBHOOK_PATH } from '../deliveries'

export const HEADERS = { 'content-type': 'application/json', 'user-agent': 'Airudder' } as const

const fixture = fixtureJson('workflow-call-completed.json') as {
  TaskID: string
  Sign: string
  Details: { CallID: string }[]
}

export interface NumberedDelivery {
  readonly id: string
  readonly body: string
}

export function numberedDelivery(n: number, prefix = 'call'): NumberedDelivery {
  const json = structuredClone(fixture)
  const callId = `${prefix}-${n}`
  if (json.Details[0]) json.Details[0].CallID = callId
  json.Sign = md5Hex(`${json.TaskID}${KEY}`)
  const body = JSON.stringify(json)
  const parsed = parse(body)
  if (!parsed.ok) throw new Error(`the numbered delivery does not parse: ${JSON.stringify(parsed)}`)
  return { id: parsed.event.id, body }
}

/** Numbered delivery `n` as AIRudder posts it to the webhook path, with its event id. */
export function numberedRequest(
  n: number,
  prefix = 'call',
): { readonly id: string; readonly request: Request } {
  const { id, body } = numberedDelivery(n, prefix)
  const request = new Request(`http://localhost${WEBHOOK_PATH}`, { method: 'POST', headers: HEADERS, body })
  return { id, request }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** Polls `check` until it holds; fails with `what` after `timeoutMs`. */
export async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await sleep(20)
  }
}
