/**
 * @module
 * `workflow.custom_api.pushed` sample: a shape inferred from AIRudder's partial docs
 * (`test/fixtures/evidence/workflow-custom-api-pushed.json`),
 * kept as a module so the test kit reads no files.
 */

export const workflowCustomApiPushedSample = {
  workflow_id: 'wf-0001',
  workflow_name: 'demo-workflow',
  node_id: 'node-0001',
  node_name: 'custom-api-node',
  callee: {
    case_id: 'case-0001',
    callee_name: 'Demo Callee',
    callee_gender: '<gender>',
    callee_number: '+620000000000',
    platform_name: '<platform>',
    extra_a: '<extra a>',
  },
}
