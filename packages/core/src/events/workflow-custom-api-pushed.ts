/**
 * @module
 * `workflow.custom_api.pushed`: Custom API Node Data Push. The documented `callee` field list
 * is cut off, so `callee` keeps every field it carries.
 */
import { z } from 'zod'
import { idString, optional, text } from '../schema/drift'
import { defineEvent } from './define-event'

const optionalText = optional(text())

/** Known from an integrator's code: only what tells it apart is required. */
export const WorkflowCustomApiPushedSchema = z.looseObject({
  workflow_id: optionalText,
  workflow_name: optionalText,
  node_id: idString(),
  node_name: text(),
  callee: z.looseObject({
    case_id: optional(idString()),
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
  matches: { node_id: 'id', node_name: 'string', callee: 'object' },
  signing: 'unsigned',
  schema: WorkflowCustomApiPushedSchema,
  docs: {
    push: 'Custom API Node Data Push',
    id: 'hash of the raw body (a node may push the same callee more than once)',
  },
})
