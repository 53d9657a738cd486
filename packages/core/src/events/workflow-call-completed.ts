/**
 * @module
 * `workflow.call.completed`: Notification of Call Completion in Workflow (Debt Collection,
 * Marketing, E-commerce, Info Check). One push per phone number, when it connects or exhausts
 * its redials.
 */
import { z } from 'zod'
import { CallDetailSchema } from '../schema/call-detail'
import { nodeTaskFields } from '../schema/workflow'
import { defineEvent } from './define-event'

export const WorkflowCallCompletedSchema = z.looseObject({
  ...nodeTaskFields,
  TaskID: z.string(),
  TaskName: z.string(),
  Sign: z.string(),
  Details: z.array(CallDetailSchema),
})

export type WorkflowCallCompleted = z.output<typeof WorkflowCallCompletedSchema>

export const workflowCallCompleted = defineEvent({
  type: 'workflow.call.completed',
  matches: { workflow_id: 'string', TaskID: 'string', Details: 'array' },
  schema: WorkflowCallCompletedSchema,
  signing: 'md5-sign',
  id: (payload) => `${payload.TaskID}/${payload.Details.map((detail) => detail.CallID).join(',')}`,
  docs: {
    push: 'Notification of Call Completion in Workflow',
    id: '`TaskID` + every `Details[].CallID`',
  },
})
