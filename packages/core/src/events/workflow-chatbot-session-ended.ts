/**
 * @module
 * `workflow.chatbot.session_ended`: Chatbot Session End Notification in Workflow, with the
 * whole conversation in `messages[]`.
 */
import { z } from 'zod'
import { SessionMessageSchema } from '../schema/chatbot-message'
import { idString, integer, openEnum, text } from '../schema/drift'
import { nodeTaskFields } from '../schema/workflow'
import { defineEvent } from './define-event'

export const SESSION_END_REASONS = ['robot', 'agent', 'error', 'expire', 'user'] as const

const labels = z.record(z.string(), z.unknown())

/** The vendor's field table marks every field required; messages' `reply` is optional. */
export const WorkflowChatbotSessionEndedSchema = z.looseObject({
  ...nodeTaskFields,
  waba_task_id: idString(),
  wfdetail_uuid: idString(),
  timestamp: integer(),
  channel: text(),
  channel_id: idString(),
  callee: text(),
  call_id: idString(),
  robot_id: idString(),
  status: openEnum(['closed']),
  session_start_time: text(),
  session_end_time: text(),
  session_end_reason: openEnum(SESSION_END_REASONS),
  intention: text(),
  talk_round: integer(),
  ner_slots: labels,
  event_label: labels,
  variables: labels,
  messages: z.array(SessionMessageSchema),
})

export type WorkflowChatbotSessionEnded = z.output<typeof WorkflowChatbotSessionEndedSchema>

export const workflowChatbotSessionEnded = defineEvent({
  type: 'workflow.chatbot.session_ended',
  matches: { waba_task_id: 'string', session_end_reason: 'string', messages: 'array' },
  signing: 'header-sign',
  schema: WorkflowChatbotSessionEndedSchema,
  id: (payload) => `${payload.waba_task_id}/${payload.wfdetail_uuid}/${payload.call_id}`,
  docs: {
    push: 'Chatbot Session End Notification in Workflow',
    id: '`waba_task_id` + `wfdetail_uuid` + `call_id`',
  },
})
