/**
 * @module
 * `workflow.status.changed`: Notification of Workflow Status Change. Known from partial docs:
 * the `status` and `task_status` values are not published, so any string is accepted.
 */
import { z } from 'zod'
import { nodeRowFields, workflowFields } from '../schema/workflow'
import { defineEvent } from './define-event'

export const WorkflowStatusChangedSchema = z.looseObject({
  ...workflowFields,
  status: z.string(),
  actions: z.array(z.looseObject({ ...nodeRowFields, task_status: z.string().optional() })),
})

export type WorkflowStatusChanged = z.output<typeof WorkflowStatusChangedSchema>

export const workflowStatusChanged = defineEvent({
  type: 'workflow.status.changed',
  matches: { workflow_id: 'string', status: 'string', actions: 'array' },
  signing: 'unsigned',
  schema: WorkflowStatusChangedSchema,
  docs: {
    push: 'Notification of Workflow Status Change',
    id: 'hash of the raw body (a status can recur, and the push carries no time)',
  },
})
