/**
 * @module
 * Fields shared by the workflow pushes: which workflow and node task sent them, and the node rows
 * of status-change and list-completion notifications.
 */
import { z } from 'zod'

export const workflowFields = { workflow_id: z.string(), workflow_name: z.string() }

export const nodeTaskFields = { ...workflowFields, nodetask_id: z.string(), nodetask_name: z.string() }

export const nodeRowFields = {
  nodetask_id: z.string(),
  nodetask_name: z.string(),
  node_type: z.string(),
  task_id: z.string().optional(),
}
