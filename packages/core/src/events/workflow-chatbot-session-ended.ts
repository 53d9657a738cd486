/**
 * @module
 * `workflow.chatbot.session_ended`: Chatbot Session End Notification in Workflow, with the
 * whole conversation in `messages[]`.
 */
import { z } from 'zod'
import { ChatMessageSchema } from '../schema/chatbot-message'
import { idString, integer, openEnum } from '../schema/drift'
import { nodeTaskFields } from '../schema/workflow'
import { defineEvent } from './define-event'

export const SESSION_END_REASONS = ['robot', 'agent', 'error', 'expire', 'user'] as const

const labels = z.record(z.string(), z.unknown())

export const WorkflowChatbotSessionEndedSchema = z.looseObject({
  ...nodeTaskFields,
  waba_task_id: z.string(),
  wfdetail_uuid: z.string(),
  timestamp: integer(),
  channel: z.string(),
  channel_id: idString(),
  callee: z.string(),
  call_id: z.string(),
  robot_id: idString(),
  status: openEnum(['closed']),
  session_start_time: z.string(),
  session_end_time: z.string(),
  session_end_reason: openEnum(SESSION_END_REASONS),
  intention: z.string().optional(),
  talk_round: integer().optional(),
  ner_slots: labels.optional(),
  event_label: labels.optional(),
  variables: labels.optional(),
  messages: z.array(ChatMessageSchema),
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
