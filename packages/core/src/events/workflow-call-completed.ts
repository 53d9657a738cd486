/**
 * @module
 * `workflow.call.completed`: Notification of Call Completion in Workflow (Debt Collection,
 * Marketing, E-commerce, Info Check). One push per phone number, when it connects or exhausts
 * its redials.
 */
import { z } from 'zod'
import { CallDetailSchema } from '../schema/call-detail'
import { idString, text } from '../schema/drift'
import { nodeTaskFields } from '../schema/workflow'
import { defineEvent } from './define-event'

/** Every top-level field is required by the vendor's table; `TaskID` may arrive as a number. */
export const WorkflowCallCompletedSchema = z.looseObject({
  ...nodeTaskFields,
  TaskID: idString(),
  TaskName: text(),
  Sign: text(),
  Details: z.array(CallDetailSchema),
})

export type WorkflowCallCompleted = z.output<typeof WorkflowCallCompletedSchema>

export const workflowCallCompleted = defineEvent({
  type: 'workflow.call.completed',
  matches: { workflow_id: 'string', TaskID: 'id', Details: 'array' },
  schema: WorkflowCallCompletedSchema,
  signing: 'md5-sign',
  id: (payload) => `${payload.TaskID}/${payload.Details.map((detail) => detail.CallID).join(',')}`,
  docs: {
    push: 'Notification of Call Completion in Workflow',
    id: '`TaskID` + every `Details[].CallID`',
  },
})
