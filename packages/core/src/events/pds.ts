/**
 * @module
 * Predictive dialer (PDS) status pushes: contacts, task and agents. AIRudder sends them in two
 * forms: wrapped by a workflow, `{ workflow_id, workflow_name, nodetask_id, nodetask_name,
 * pds: { type, body } }`, and bare from the standalone dialer API, `{ type, body }`. Both parse
 * to one payload, `{ type, body, workflow_id?, workflow_name?, nodetask_id?, nodetask_name? }`,
 * so `payload.body` reads the same either way (`event.raw` keeps the delivery as sent).
 * AIRudder signs neither: configure `urlToken` or `ipAllowlist` for `pds.*`.
 */
import { z } from 'zod'
import { integer, openEnum } from '../schema/drift'
import { defineEvent } from './define-event'
import { isJsonObject } from './shape'

/** Lifts the workflow form's `pds.type` / `pds.body` to the top level, keeping every other field. */
function liftPds(input: unknown): unknown {
  if (!isJsonObject(input) || !isJsonObject(input.pds)) return input
  const { pds, ...workflow } = input
  return { ...workflow, ...pds }
}

const optionalText = z.string().optional()
const callFields = {
  taskId: z.string(),
  taskName: z.string(),
  groupName: optionalText,
  phoneNumber: z.string(),
  callid: z.string(),
  contactName: optionalText,
  address: optionalText,
  info1: optionalText,
  info2: optionalText,
  info3: optionalText,
  remark: optionalText,
  privateData: optionalText,
  timestamp: integer(),
}

const pdsPayload = <const T extends string, B extends z.ZodType>(type: T, body: B) =>
  z.preprocess(
    liftPds,
    z.looseObject({
      type: z.literal(type),
      body,
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
    state: openEnum(['CALLING', 'RINGING', 'ANSWERED', 'HANGUP']),
    /** AIRudder's hang-up reason code (0-20). */
    hangupReason: integer().optional(),
    recLink: optionalText,
  }),
)

export const PdsTaskStatusSchema = pdsPayload(
  'TaskStatus',
  z.looseObject({
    taskId: z.string(),
    taskName: z.string(),
    state: openEnum(['Running', 'Paused', 'Finished']),
    timestamp: integer().optional(),
  }),
)

const byMode = z.looseObject({ auto: integer(), manual: integer() })
const optionalCount = integer().optional()

export const PdsAgentStatusSchema = pdsPayload(
  'AgentStatus',
  z.looseObject({
    ...callFields,
    agentName: z.string(),
    registerState: optionalText,
    State: openEnum(['CALLING', 'RINGING', 'ANSWERED', 'HANGUP', 'TALKRESULT']),
    taskId: optionalText,
    taskName: optionalText,
    phoneNumber: optionalText,
    callid: optionalText,
    callType: optionalText,
    talkResultLabel: optionalText,
    talkremarks: optionalText,
    curDayCallCount: byMode.optional(),
    curDayCallDuration: byMode.optional(),
    curDayTalkResults: z.array(z.looseObject({ talkResult: z.string(), count: integer() })).optional(),
    curDayOnlineDuration: optionalCount,
    curDayRestDuration: optionalCount,
    curWaitingCallCount: optionalCount,
    waitingDialNumber: optionalCount,
    totalNumber: optionalCount,
    customizeResults: z.record(z.string(), z.unknown()).optional(),
    customerInfo: z.record(z.string(), z.unknown()).optional(),
  }),
)

export type PdsContactStatus = z.output<typeof PdsContactStatusSchema>
export type PdsTaskStatus = z.output<typeof PdsTaskStatusSchema>
export type PdsAgentStatus = z.output<typeof PdsAgentStatusSchema>

const shapes = (type: string) =>
  [
    { 'pds.type': { equals: type }, 'pds.body': 'object' },
    { type: { equals: type }, body: 'object' },
  ] as const

const push = (what: string) =>
  `Webhook of Predictive Dialer ${what} Status Changes (workflow-wrapped or bare)`
export const pdsContactStatus = defineEvent({
  type: 'pds.contact.status',
  matches: shapes('ContactStatus'),
  signing: 'unsigned',
  schema: PdsContactStatusSchema,
  id: ({ body }) => `${body.callid}/${body.state}/${body.timestamp}`,
  docs: { push: push('Contacts'), id: '`callid` + `state` + `timestamp`' },
})

export const pdsTaskStatus = defineEvent({
  type: 'pds.task.status',
  matches: shapes('TaskStatus'),
  signing: 'unsigned',
  schema: PdsTaskStatusSchema,
  id: ({ body }) =>
    body.timestamp === undefined ? undefined : `${body.taskId}/${body.state}/${body.timestamp}`,
  docs: {
    push: push('Task'),
    id: '`taskId` + `state` + `timestamp`; hash of the raw body when there is no `timestamp`',
  },
})

export const pdsAgentStatus = defineEvent({
  type: 'pds.agent.status',
  matches: shapes('AgentStatus'),
  signing: 'unsigned',
  schema: PdsAgentStatusSchema,
  id: ({ body }) => `${body.agentName}/${body.State}/${body.timestamp}`,
  docs: { push: push('Agents'), id: '`agentName` + `State` + `timestamp`' },
})
