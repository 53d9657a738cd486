/**
 * @module
 * One realistic payload per built-in event type, as AIRudder sends it (before any normalisation):
 * its published examples where there are some, shapes inferred from partial docs otherwise.
 */
import { chatbotChannelMessageSentSample } from './chatbot-channel-message-sent'
import { pdsAgentStatusSample } from './pds-agent-status'
import { pdsContactStatusSample } from './pds-contact-status'
import { pdsTaskStatusSample } from './pds-task-status'
import { qaRecordingReportedSample } from './qa-recording-reported'
import { workflowCallCompletedSample } from './workflow-call-completed'
import { workflowChatbotSessionEndedSample } from './workflow-chatbot-session-ended'
import { workflowCustomApiPushedSample } from './workflow-custom-api-pushed'
import { workflowListCompletedSample } from './workflow-list-completed'
import { workflowStatusChangedSample } from './workflow-status-changed'

/** The wire payload of each built-in type (AIRudder's field names and value types). */
export interface SamplePayloads {
  'workflow.call.completed': typeof workflowCallCompletedSample
  'workflow.chatbot.session_ended': typeof workflowChatbotSessionEndedSample
  'pds.contact.status': typeof pdsContactStatusSample
  'pds.task.status': typeof pdsTaskStatusSample
  'pds.agent.status': typeof pdsAgentStatusSample
  'chatbot.channel.message.sent': typeof chatbotChannelMessageSentSample
  'workflow.status.changed': typeof workflowStatusChangedSample
  'workflow.list.completed': typeof workflowListCompletedSample
  'workflow.custom_api.pushed': typeof workflowCustomApiPushedSample
  'qa.recording.reported': typeof qaRecordingReportedSample
}

/** Never handed out directly: `buildEvent` returns deep copies. */
export const samples: { readonly [T in keyof SamplePayloads]: SamplePayloads[T] } = {
  'workflow.call.completed': workflowCallCompletedSample,
  'workflow.chatbot.session_ended': workflowChatbotSessionEndedSample,
  'pds.contact.status': pdsContactStatusSample,
  'pds.task.status': pdsTaskStatusSample,
  'pds.agent.status': pdsAgentStatusSample,
  'chatbot.channel.message.sent': chatbotChannelMessageSentSample,
  'workflow.status.changed': workflowStatusChangedSample,
  'workflow.list.completed': workflowListCompletedSample,
  'workflow.custom_api.pushed': workflowCustomApiPushedSample,
  'qa.recording.reported': qaRecordingReportedSample,
}
