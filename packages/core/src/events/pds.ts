/**
 * @module
 * Predictive dialer (PDS) status pushes: contacts, task and agents. AIRudder sends them in two
 * forms: wrapped by a workflow, `{ workflow_id, workflow_name, nodetask_id, nodetask_name,
 * pds: { type, body } }`, and bare from the standalone dialer API, `{ type, body }`. Both parse
 * to one payload, `{ type, body, workflow_id?, workflow_name?, nodetask_id?, nodetask_name? }`,
 * so `payload.body` reads the same either way (`event.raw` keeps the delivery as sent).
 * AIRudder signs neither and documents no field of `body`, so nothing in it is required.
 */
import { z } from 'zod'
import { integer, openEnum, optional, text } from '../schema/drift'
import { defineEvent } from './define-event'
import { isJsonObject } from './shape'

/** Lifts the workflow form's `pds.type` / `pds.body` to the top level, keeping every other field. */
function liftPds(input: unknown): unknown {
  if (!isJsonObject(input) || !isJsonObject(input.pds)) return input
  const { pds, ...workflow } = input
  return { ...workflow, ...pds }
}

/** A `body` sent as `""`, `null` or not at all (seen in an integrator's fixtures) reads as `{}`. */
const emptyBody = (body: unknown) => (body === '' || body === null || body === undefined ? {} : body)

// AIRudder documents the body of none of these pushes: nothing in it is required.
const optionalText = optional(text())
const optionalCount = optional(integer())
/** Epoch milliseconds, which the dialer sends as text (`"1668998317236"`); read as a number. */
const epochMs = optional(integer({ sentAs: 'string' }))
const callFields = {
  taskId: optionalText,
  taskName: optionalText,
  groupName: optionalText,
  phoneNumber: optionalText,
  callid: optionalText,
  contactName: optionalText,
  address: optionalText,
  info1: optionalText,
  info2: optionalText,
  info3: optionalText,
  remark: optionalText,
  privateData: optionalText,
  timestamp: epochMs,
}

const pdsPayload = <const T extends string, B extends z.ZodType>(type: T, body: B) =>
  z.preprocess(
    liftPds,
    z.looseObject({
      type: z.literal(type),
      body: z.preprocess(emptyBody, body),
      workflow_id: optionalText,
      workflow_name: optionalText,
      nodetask_id: optionalText,
      nodetask_name: optionalText,
    }),
  )

export const PdsContactStatusSchema = pdsPayload(
  'ContactStatus',
  z.looseObject({
    ...callFields,
    state: optional(openEnum(['CALLING', 'RINGING', 'ANSWERED', 'HANGUP'])),
    /** AIRudder's hang-up reason code (0-20). */
    hangupReason: optionalCount,
    recLink: optionalText,
  }),
)

export const PdsTaskStatusSchema = pdsPayload(
  'TaskStatus',
  z.looseObject({
    taskId: optionalText,
    taskName: optionalText,
    state: optional(openEnum(['Running', 'Paused', 'Finished'])),
    timestamp: epochMs,
  }),
)

const byMode = z.looseObject({ auto: optionalCount, manual: optionalCount })

export const PdsAgentStatusSchema = pdsPayload(
  'AgentStatus',
  z.looseObject({
    ...callFields,
    agentName: optionalText,
    registerState: optionalText,
    State: optional(openEnum(['CALLING', 'RINGING', 'ANSWERED', 'HANGUP', 'TALKRESULT'])),
    callType: optionalText,
    talkResultLabel: optionalText,
    talkremarks: optionalText,
    curDayCallCount: optional(byMode),
    curDayCallDuration: optional(byMode),
    curDayTalkResults: optional(z.array(z.looseObject({ talkResult: optionalText, count: optionalCount }))),
    curDayOnlineDuration: optionalCount,
    curDayRestDuration: optionalCount,
    curWaitingCallCount: optionalCount,
    waitingDialNumber: optionalCount,
    totalNumber: optionalCount,
    customizeResults: optional(z.record(z.string(), z.unknown())),
    customerInfo: optional(z.record(z.string(), z.unknown())),
  }),
)

export type PdsContactStatus = z.output<typeof PdsContactStatusSchema>
export type PdsTaskStatus = z.output<typeof PdsTaskStatusSchema>
export type PdsAgentStatus = z.output<typeof PdsAgentStatusSchema>

/** The pinned `type` tells them apart; `body` may be `""`, `{}` or absent (see `liftPds`). */
const shapes = (type: string) =>
  [{ workflow_id: 'string', 'pds.type': { equals: type } }, { type: { equals: type } }] as const

/** `a/b/c` when every part is there, else `undefined` (the id falls back to a hash of the raw body). */
const joined = (...parts: readonly (string | number | undefined)[]) =>
  parts.every((part) => part !== undefined && part !== '') ? parts.join('/') : undefined

const push = (what: string) =>
  `Webhook of Predictive Dialer ${what} Status Changes (workflow-wrapped or bare)`
const hashWhenMissing = 'a hash of the raw body when one is missing'

export const pdsContactStatus = defineEvent({
  type: 'pds.contact.status',
  matches: shapes('ContactStatus'),
  signing: 'unsigned',
  schema: PdsContactStatusSchema,
  id: ({ body }) => joined(body.callid, body.state, body.timestamp),
  // CALLING -> RINGING -> ANSWERED -> HANGUP -> TALKRESULT arrive as separate deliveries, any order.
  ordering: ({ body }) =>
    body.callid ? { key: `callid:${body.callid}`, at: body.timestamp ?? undefined } : undefined,
  docs: {
    push: push('Contacts'),
    id: `\`callid\` + \`state\` + \`timestamp\`; ${hashWhenMissing}`,
  },
})

export const pdsTaskStatus = defineEvent({
  type: 'pds.task.status',
  matches: shapes('TaskStatus'),
  signing: 'unsigned',
  schema: PdsTaskStatusSchema,
  id: ({ body }) => joined(body.taskId, body.state, body.timestamp),
  docs: {
    push: push('Task'),
    id: `\`taskId\` + \`state\` + \`timestamp\`; ${hashWhenMissing}`,
  },
})

export const pdsAgentStatus = defineEvent({
  type: 'pds.agent.status',
  matches: shapes('AgentStatus'),
  signing: 'unsigned',
  schema: PdsAgentStatusSchema,
  id: ({ body }) => joined(body.agentName, body.State, body.timestamp),
  docs: {
    push: push('Agents'),
    id: `\`agentName\` + \`State\` + \`timestamp\`; ${hashWhenMissing}`,
  },
})
