/**
 * @module
 * Fields shared by the workflow pushes: which workflow and node task sent them, and the node rows
 * of status-change and list-completion notifications.
 */
import { optional, text } from './drift'

/** Required in every documented workflow push. */
export const workflowFields = { workflow_id: text(), workflow_name: text() }

export const nodeTaskFields = { ...workflowFields, nodetask_id: text(), nodetask_name: text() }

/** Rows of pushes known only from an integrator's code: nothing in them is required. */
export const nodeRowFields = {
  nodetask_id: optional(text()),
  nodetask_name: optional(text()),
  node_type: optional(text()),
  task_id: optional(text()),
}
