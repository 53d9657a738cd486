/**
 * @module
 * `pds.task.status` sample: a shape inferred from AIRudder's partial docs
 * (`test/fixtures/evidence/pds-task-status.bare.json`, bare form),
 * kept as a module so the test kit reads no files.
 */

export const pdsTaskStatusSample = {
  type: 'TaskStatus',
  body: {
    taskId: '0123456789abcdef0123456789abcdef',
    taskName: 'demo-task-1',
    state: 'Finished',
  },
}
