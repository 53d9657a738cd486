/**
 * @module
 * `workflow.list.completed`: Notification for Workflow List Completion (one case has been
 * through every node of the workflow). Known from partial docs.
 */
import { z } from 'zod'
import { idString } from '../schema/drift'
import { nodeRowFields, workflowFields } from '../schema/workflow'
import { defineEvent } from './define-event'

export const WorkflowListCompletedSchema = z.looseObject({
  ...workflowFields,
  case_id: idString(),
  callee_number: z.string(),
  rows: z.array(z.looseObject(nodeRowFields)),
})

export type WorkflowListCompleted = z.output<typeof WorkflowListCompletedSchema>

export const workflowListCompleted = defineEvent({
  type: 'workflow.list.completed',
  matches: { case_id: 'string', callee_number: 'string', rows: 'array' },
  signing: 'unsigned',
  schema: WorkflowListCompletedSchema,
  id: (payload) => `${payload.workflow_id}/${payload.case_id}/${payload.callee_number}`,
  docs: {
    push: 'Notification for Workflow List Completion',
    id: '`workflow_id` + `case_id` + `callee_number`',
  },
})
