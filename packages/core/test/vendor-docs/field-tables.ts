/**
 * AIRudder's field tables (`../shared/airudder/vendor-docs/`), written once: each field with the
 * type the docs give it and whether they mark it required (`必需`) or optional (`可选`, written
 * with a trailing `?`). The kinds carry the README's one normalisation per kind:
 *
 * - `text`   documented `string`: a string afterwards (a number sent reads as its decimal text)
 * - `id`     an identifier: a string afterwards, every digit kept (the call detail `id`, documented
 *            `integer`, is one: "phone details ID")
 * - `int`    documented `integer`: a number afterwards (a numeric string is read as its number)
 * - `amount` a robot-variable amount: the canonical decimal string, or the text as sent
 * - `enum`   documented `enum<string>`: open, kept as sent
 * - `tag`    a string classification reads (`event`, `pds.type`, `workflow_id`): never retyped
 * - `object` / `array`  kept as sent unless a level of its own below describes its fields
 *
 * Nested tables are levels: `['Details', '*']` is every element of `Details`.
 */
export type Kind = 'text' | 'id' | 'int' | 'amount' | 'enum' | 'tag' | 'object' | 'array'
export type Table = Readonly<Record<string, Kind | `${Kind}?`>>
export interface Level {
  readonly path: readonly string[]
  readonly table: Table
}

/** The call detail of the push's `Details[]` (and of the pull API's `detail[]`, "same meanings"). */
export const CALL_DETAIL: Table = {
  id: 'id',
  RobotID: 'id',
  CalleeName: 'text',
  CalleeGender: 'text',
  CalleeNumber: 'text',
  CallStartTime: 'text',
  CallEndTime: 'text',
  Status: 'enum',
  Intention: 'text',
  CallID: 'id',
  CallTimes: 'int',
  Comments: 'text',
  BorrowedDate: 'text?',
  DueDate: 'text?',
  BorrowedAmount: 'amount?',
  TotalOwingAmount: 'amount?',
  CurrencyUnit: 'text?',
  PlatformName: 'text',
  RingType: 'enum',
  HangupType: 'enum',
  ExtraA: 'text?',
  ExtraB: 'text?',
  ExtraC: 'text?',
  AsrResult: 'array?',
  AsrPTP: 'text?',
  EventLabel: 'object?',
  CaseID: 'id',
  Variables: 'object',
  RingTime: 'int?',
  TalkRound: 'int?',
  RedailCall: 'array?',
  NerSlots: 'object?',
  intention_description: 'text?',
  caller_number: 'text?',
}

/** Notification of Call Completion in Workflow (Debt Collection/Marketing/E-commerce). */
export const CALL_COMPLETED: readonly Level[] = [
  {
    path: [],
    table: {
      workflow_id: 'tag',
      workflow_name: 'text',
      nodetask_id: 'text',
      nodetask_name: 'text',
      TaskID: 'id',
      TaskName: 'text',
      Sign: 'tag',
      Details: 'array',
    },
  },
  { path: ['Details', '*'], table: CALL_DETAIL },
]

/** Chatbot Session End Notification in Workflow. */
export const SESSION_ENDED: readonly Level[] = [
  {
    path: [],
    table: {
      workflow_id: 'text',
      workflow_name: 'text',
      nodetask_id: 'text',
      nodetask_name: 'text',
      waba_task_id: 'tag',
      wfdetail_uuid: 'id',
      timestamp: 'int',
      channel: 'text',
      channel_id: 'id',
      callee: 'text',
      call_id: 'id',
      robot_id: 'id',
      status: 'enum',
      session_start_time: 'text',
      session_end_time: 'text',
      session_end_reason: 'tag',
      intention: 'text',
      talk_round: 'int',
      ner_slots: 'object',
      event_label: 'object',
      variables: 'object',
      messages: 'array',
    },
  },
  {
    path: ['messages', '*'],
    table: {
      msg_id: 'id',
      sender_type: 'enum',
      timestamp: 'int',
      status: 'enum',
      content: 'object',
      reply: 'object?',
    },
  },
]

/**
 * Chatbot event report: channel message sent. Its table also lists a required message field
 * `custom` that no published example carries; the kit does not require it.
 */
export const MESSAGE_SENT: readonly Level[] = [
  {
    path: [],
    table: {
      event: 'tag',
      company: 'tag',
      channel: 'tag',
      channel_id: 'id',
      user: 'object',
      call_id: 'id',
      messages: 'array',
    },
  },
  { path: ['user'], table: { id: 'id' } },
  {
    path: ['messages', '*'],
    table: { msg_id: 'id', sender_type: 'enum', timestamp: 'int', content: 'object' },
  },
]

/**
 * Webhook of Predictive Dialer Contacts Status Changes (workflow form). The docs describe `body`
 * as an object without fields; those of the published example are read as optional.
 */
export const PDS_CONTACT: readonly Level[] = [
  {
    path: [],
    table: {
      workflow_id: 'tag',
      workflow_name: 'text',
      nodetask_id: 'text',
      nodetask_name: 'text',
      pds: 'object',
    },
  },
  { path: ['pds'], table: { type: 'tag', body: 'object' } },
  {
    path: ['pds', 'body'],
    table: {
      taskId: 'id?',
      taskName: 'text?',
      groupName: 'text?',
      state: 'enum?',
      phoneNumber: 'text?',
      callid: 'id?',
      contactName: 'text?',
      address: 'text?',
      info1: 'text?',
      info2: 'text?',
      info3: 'text?',
      remark: 'text?',
      hangupReason: 'int?',
      timestamp: 'int?',
      privateData: 'text?',
      recLink: 'text?',
    },
  },
]

/**
 * The pull API's task detail response. The docs mark every task field required; the kit requires
 * only what identifies the task and its calls (a reconciler must not fail on a missing `SIPLine`).
 */
export const TASK_DETAIL: readonly Level[] = [
  { path: [], table: { data: 'object', status: 'text', code: 'int' } },
  {
    path: ['data'],
    table: {
      TaskID: 'id',
      TaskName: 'text',
      RobotMethod: 'enum?',
      RobotID: 'id?',
      SIPLine: 'text?',
      Status: 'enum',
      ScheduleStartTime: 'text?',
      ScheduleEndTime: 'text?',
      RepeatInterval: 'int?',
      RepeatNumber: 'int?',
      detail: 'array',
      workflow_id: 'text?',
      workflow_name: 'text?',
      nodetask_id: 'text?',
      nodetask_name: 'text?',
    },
  },
  {
    path: ['data', 'detail', '*'],
    // The pull API names the case id `case_id` (read as `CaseID`) and omits `Variables`.
    table: (({ CaseID: _caseId, Variables: _variables, ...rest }) => ({ ...rest, case_id: 'id' as const }))(
      CALL_DETAIL,
    ),
  },
]
