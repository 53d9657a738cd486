/**
 * @module
 * `workflow.status.changed` sample: a shape inferred from AIRudder's partial docs
 * (`test/fixtures/evidence/workflow-status-changed.json`),
 * kept as a module so the test kit reads no files.
 */

export const workflowStatusChangedSample = {
  workflow_id: 'wf-0001',
  workflow_name: 'demo-workflow',
  status: '<workflow status, enum not visible in stored docs>',
  actions: [
    {
      nodetask_id: 'nt-0001',
      nodetask_name: 'call-node-1',
      node_type: '<node type>',
      task_id: 'task-0001',
      task_status: '<task status>',
    },
  ],
}
