import { readFileSync } from 'node:fs'
import { join } from 'node:path'

// The published examples live with the test kit, which ships them (src/testing/samples).
const dir = join(import.meta.dirname, '../src/testing/samples')

/** Every published push example (and the evidence-based ones), with the type it must classify to. */
export const pushFixtures = [
  {
    file: 'workflow-call-completed.json',
    type: 'workflow.call.completed',
    discriminators: ['workflow_id', 'TaskID', 'Details'],
  },
  {
    file: 'workflow-chatbot-session-ended.json',
    type: 'workflow.chatbot.session_ended',
    discriminators: ['waba_task_id', 'session_end_reason', 'messages'],
  },
  { file: 'pds-contact-status.json', type: 'pds.contact.status', discriminators: ['pds'] },
  {
    file: 'chatbot-channel-message-sent.json',
    type: 'chatbot.channel.message.sent',
    discriminators: ['event', 'company', 'channel'],
  },
  {
    file: 'evidence/pds-contact-status.bare.json',
    type: 'pds.contact.status',
    // `body` may be missing, `""` or `{}`: the pinned `type` alone tells the bare form apart.
    discriminators: ['type'],
  },
  { file: 'evidence/pds-task-status.bare.json', type: 'pds.task.status', discriminators: ['type'] },
  { file: 'evidence/pds-agent-status.bare.json', type: 'pds.agent.status', discriminators: ['type'] },
  {
    file: 'evidence/workflow-status-changed.json',
    type: 'workflow.status.changed',
    discriminators: ['workflow_id', 'status', 'actions'],
  },
  {
    file: 'evidence/workflow-list-completed.json',
    type: 'workflow.list.completed',
    discriminators: ['case_id', 'callee_number', 'rows'],
  },
  {
    file: 'evidence/workflow-custom-api-pushed.json',
    type: 'workflow.custom_api.pushed',
    discriminators: ['node_id', 'node_name', 'callee'],
  },
  {
    file: 'evidence/qa-recording-reported.json',
    type: 'qa.recording.reported',
    discriminators: ['TaskID', 'Sign', 'QADetail'],
  },
] as const

export function fixtureText(file: string): string {
  return readFileSync(join(dir, file), 'utf8')
}

/** A fresh, mutable copy of a fixture's JSON. */
export function fixtureJson(file: string): any {
  return JSON.parse(fixtureText(file))
}
