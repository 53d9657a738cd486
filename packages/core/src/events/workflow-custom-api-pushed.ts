/**
 * @module
 * `workflow.custom_api.pushed`: Custom API Node Data Push. The documented `callee` field list
 * is cut off, so `callee` keeps every field it carries.
 */
import { z } from 'zod'
import { idString } from '../schema/drift'
import { workflowFields } from '../schema/workflow'
import { defineEvent } from './define-event'

const optionalText = z.string().optional()

export const WorkflowCustomApiPushedSchema = z.looseObject({
  ...workflowFields,
  node_id: z.string(),
  node_name: z.string(),
  callee: z.looseObject({
    case_id: idString().optional(),
    callee_name: optionalText,
    callee_gender: optionalText,
    callee_number: optionalText,
    platform_name: optionalText,
    extra_a: optionalText,
  }),
})

export type WorkflowCustomApiPushed = z.output<typeof WorkflowCustomApiPushedSchema>

export const workflowCustomApiPushed = defineEvent({
  type: 'workflow.custom_api.pushed',
  matches: { node_id: 'string', node_name: 'string', callee: 'object' },
  signing: 'unsigned',
  schema: WorkflowCustomApiPushedSchema,
  docs: {
    push: 'Custom API Node Data Push',
    id: 'hash of the raw body (a node may push the same callee more than once)',
  },
})
