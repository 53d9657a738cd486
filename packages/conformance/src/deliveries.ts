/**
 * @module
 * Signed deliveries of every published fixture, built the way AIRudder sends them, and the
 * verification rules that accept them. The conformance suite and the example tests share them.
 */
import { readFileSync } from 'node:fs'
import { headerSign, md5Hex, urlToken, type VerifyRules } from '@airudder-webhooks/core'
import { computeSignature } from '@airudder-webhooks/core/testing'

export const KEY = 'conformance-key'
export const HEADER_KEY = 'conformance-header-key'
export const URL_TOKEN = 'conformance-url-token'
export const WEBHOOK_PATH = '/webhooks/airudder'

const fixtureDir = new URL('../../core/src/testing/samples/', import.meta.url)

export const FIXTURES = [
  ['workflow-call-completed.json', 'workflow.call.completed'],
  ['workflow-chatbot-session-ended.json', 'workflow.chatbot.session_ended'],
  ['pds-contact-status.json', 'pds.contact.status'],
  ['chatbot-channel-message-sent.json', 'chatbot.channel.message.sent'],
  ['evidence/pds-contact-status.bare.json', 'pds.contact.status'],
  ['evidence/pds-task-status.bare.json', 'pds.task.status'],
  ['evidence/pds-agent-status.bare.json', 'pds.agent.status'],
  ['evidence/workflow-status-changed.json', 'workflow.status.changed'],
  ['evidence/workflow-list-completed.json', 'workflow.list.completed'],
  ['evidence/workflow-custom-api-pushed.json', 'workflow.custom_api.pushed'],
  ['evidence/qa-recording-reported.json', 'qa.recording.reported'],
] as const

/** Accepts every delivery `signedDelivery` builds: md5 `Sign` with KEY, HMAC header, URL token. */
export const verifyRules: VerifyRules = {
  'workflow.chatbot.session_ended': headerSign({ algorithm: 'hmac-sha256-hex', keys: HEADER_KEY }),
  'chatbot.*': headerSign({ algorithm: 'hmac-sha256-hex', keys: HEADER_KEY }),
  // Every unsigned push and `unknown`; call completions and QA reports keep their md5 `Sign`.
  '*': urlToken({ tokens: URL_TOKEN }),
}

export interface SignedDelivery {
  readonly type: string
  /** Path with query (the URL token where the type needs one). */
  readonly path: string
  readonly body: string
  readonly headers: Readonly<Record<string, string>>
}

export function fixtureJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(file, fixtureDir), 'utf8'))
}

/** One fixture, signed as AIRudder would sign it; `tamper` breaks the signature. */
export function signedDelivery(
  file: string,
  type: string,
  options: { tamper?: boolean } = {},
): SignedDelivery {
  const json = fixtureJson(file)
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'Airudder' }
  let path = WEBHOOK_PATH
  if (typeof json.Sign === 'string') {
    json.Sign = md5Hex(`${json.TaskID}${options.tamper ? 'wrong-key' : KEY}`)
  }
  const body = JSON.stringify(json)
  if (type === 'workflow.chatbot.session_ended' || type.startsWith('chatbot.')) {
    const key = options.tamper ? 'wrong-key' : HEADER_KEY
    headers['x-airudder-sign'] = computeSignature('hmac-sha256-hex', new TextEncoder().encode(body), key)
  } else if (typeof json.Sign !== 'string') {
    path = `${WEBHOOK_PATH}?token=${options.tamper ? 'wrong-token' : URL_TOKEN}`
  }
  return { type, path, body, headers }
}
