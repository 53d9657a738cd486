/**
 * @module
 * `workflow.list.completed`: Notification for Workflow List Completion (one case has been
 * through every node of the workflow). Known from partial docs.
 */
import { z } from 'zod'
import { idString, optional, text } from '../schema/drift'
import { nodeRowFields } from '../schema/workflow'
import { defineEvent } from './define-event'

/** Known from partial docs: what tells it apart and its id (`workflow_id` + `case_id` + `callee_number`) is required. */
export const WorkflowListCompletedSchema = z.looseObject({
  workflow_id: text(),
  workflow_name: optional(text()),
  case_id: idString(),
  callee_number: text(),
  rows: z.array(z.looseObject(nodeRowFields)),
})

export type WorkflowListCompleted = z.output<typeof WorkflowListCompletedSchema>

export const workflowListCompleted = defineEvent({
  type: 'workflow.list.completed',
  matches: { case_id: 'id', callee_number: 'string', rows: 'array' },
  signing: 'unsigned',
  schema: WorkflowListCompletedSchema,
  id: (payload) => `${payload.workflow_id}/${payload.case_id}/${payload.callee_number}`,
  docs: {
    push: 'Notification for Workflow List Completion',
    id: '`workflow_id` + `case_id` + `callee_number`',
  },
})
