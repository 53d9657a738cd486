/**
 * @module
 * `pds.agent.status` sample: a shape inferred from AIRudder's partial docs
 * (`test/fixtures/evidence/pds-agent-status.bare.json`, bare form),
 * kept as a module so the test kit reads no files.
 */

export const pdsAgentStatusSample = {
  type: 'AgentStatus',
  body: {
    agentName: 'agent001',
    registerState: 'Registered',
    State: 'HANGUP',
    callType: '',
    taskId: '0123456789abcdef0123456789abcdef',
    taskName: 'demo-task-1',
    groupName: 'team-a',
    phoneNumber: '+620000000000',
    callid: 'fedcba9876543210fedcba9876543210',
    contactName: '',
    address: '',
    info1: '',
    info2: '',
    info3: '',
    remark: '',
    privateData: '',
    timestamp: '1700000000000',
    talkResultLabel: 'RPC',
    talkremarks: 'free-text agent notes',
    mainNumber: '+620000000000',
    phoneTag: '',
    curDayCallCount: {
      auto: 3,
      manual: 1,
    },
    curDayCallDuration: {
      auto: 420,
      manual: 35,
    },
    curDayTalkResults: [
      {
        talkResult: 'Connected',
        count: 1,
      },
      {
        talkResult: 'NotConnected',
        count: 2,
      },
    ],
    displayTalkResult: '',
    isConcealCallee: '',
    curDayOnlineDuration: 7200,
    curDayRestDuration: 0,
    curWaitingCallCount: 1,
    groupUnallocatedCall: 0,
    earliestCallWaitTime: 0,
    threewayState: '',
    threewayAccount: '',
    customizeResults: {
      Level1: 'RPC',
      Level2: 'RPC-PTP',
      Level3: '',
      'PTP Amount': '50000',
      'PTP Date': '2024-01-31',
      Spokewith: '',
      nopaymentreason: '',
    },
    customerInfo: {
      customer_id: 'cust-0001',
      dpd: '5',
    },
    waitingDialNumber: 1,
    totalNumber: 100,
    holdTimestamp: 0,
    holdDuration: {
      auto: 0,
      manual: 0,
    },
  },
}
