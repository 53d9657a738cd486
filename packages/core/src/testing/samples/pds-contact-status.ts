/**
 * @module
 * `pds.contact.status` sample: AIRudder's published example
 * (`test/fixtures/pds-contact-status.json`, workflow-wrapped form),
 * kept as a module so the test kit reads no files.
 */

export const pdsContactStatusSample = {
  workflow_id: '2b6951a25b434657b94d4d60d96fcf18',
  workflow_name: 'pds-test20',
  nodetask_id: '5abeb76b414c4b8da455a253dac7bd86',
  nodetask_name: 'PDS1_cc18c2',
  pds: {
    type: 'ContactStatus',
    body: {
      taskId: '9751a67700274a24b650334587653de6',
      taskName: 'wf_pds_task_e6480fad94f24b9ab9cc671e2eb21b03',
      groupName: 'group1',
      state: 'HANGUP',
      phoneNumber: '+8610081',
      callid: '48ff2faa9de34c0387eb688468d563a5',
      contactName: '',
      address: '',
      info1: '',
      info2: '',
      info3: '',
      remark: '',
      hangupReason: 8,
      timestamp: '1668998317236',
      privateData: '45285aaae6fa40fea043c21ab1a38a61',
      recLink: '',
    },
  },
}
