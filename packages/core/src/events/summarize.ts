/**
 * @module
 * `summarizeEvent(event)`: one log line per event, with the fields people look for first and
 * nothing secret (no `Sign`, no message text, no phone numbers).
 *
 * ```ts
 * webhooks.onAny((event) => console.log(summarizeEvent(event)))
 * // workflow.call.completed 490d5e… 1 call(s), intention E
 * ```
 */
import type { AirudderEvent, Definitions } from './catalogue'

const short = (id: string | undefined) => (id === undefined ? '-' : id.length > 8 ? `${id.slice(0, 6)}…` : id)

export function summarizeEvent<D extends Definitions = []>(event: AirudderEvent<D>): string {
  return `${event.type} ${details(event as AirudderEvent)}`.trimEnd()
}

function details(event: AirudderEvent): string {
  switch (event.type) {
    case 'workflow.call.completed': {
      const { TaskID, Details } = event.payload
      const intentions = [...new Set(Details.map((detail) => detail.Intention))].join('/') || '-'
      return `${short(TaskID)} ${Details.length} call(s), intention ${intentions}`
    }
    case 'workflow.chatbot.session_ended': {
      const { call_id, messages, session_end_reason } = event.payload
      return `${short(call_id)} ${messages.length} message(s), ended by ${session_end_reason}`
    }
    case 'pds.contact.status':
      return `${short(event.payload.body.callid)} ${event.payload.body.state ?? '-'}`
    case 'pds.task.status':
      return `${short(event.payload.body.taskId)} ${event.payload.body.state ?? '-'}`
    case 'pds.agent.status':
      return `${event.payload.body.agentName ?? '-'} ${event.payload.body.State ?? '-'}`
    case 'workflow.status.changed':
      return `${short(event.payload.workflow_id)} ${event.payload.status}`
    case 'workflow.list.completed':
      return `${short(event.payload.workflow_id)} case ${event.payload.case_id}, ${event.payload.rows.length} node(s)`
    case 'workflow.custom_api.pushed':
      return `${short(event.payload.workflow_id)} node ${event.payload.node_name}`
    case 'qa.recording.reported':
      return `${short(event.payload.TaskID)} ${event.payload.QADetail.length} recording(s)`
    case 'unknown':
      return `(${event.reason})`
    default:
      return 'messages' in event.payload && Array.isArray(event.payload.messages)
        ? `${event.payload.channel} ${event.payload.messages.length} message(s)`
        : `${event.payload.channel}`
  }
}
