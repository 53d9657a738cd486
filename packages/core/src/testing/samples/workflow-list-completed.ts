/**
 * @module
 * `workflow.list.completed` sample: a shape inferred from AIRudder's partial docs
 * (`test/fixtures/evidence/workflow-list-completed.json`),
 * kept as a module so the test kit reads no files.
 */

export const workflowListCompletedSample = {
  case_id: 'test-caseid11',
  workflow_id: 'wf-0001',
  workflow_name: 'demo-workflow',
  callee_number: '+620000000000',
  rows: [
    {
      nodetask_id: 'nt-0001',
      nodetask_name: 'call-node-1',
      node_type: '<node type>',
      task_id: 'task-0001',
    },
  ],
}
