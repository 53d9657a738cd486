/**
 * @module
 * One realistic payload per built-in event type, as AIRudder sends it (before any normalisation):
 * its published examples where there are some, shapes inferred from partial docs otherwise.
 */
// AIRudder's published examples (and, under evidence/, shapes inferred from partial docs): the one
// copy in the repository. The build inlines them, so the kit reads no files at run time.
import chatbotChannelMessageSentSample from './chatbot-channel-message-sent.json' with { type: 'json' }
import pdsAgentStatusSample from './evidence/pds-agent-status.bare.json' with { type: 'json' }
import pdsTaskStatusSample from './evidence/pds-task-status.bare.json' with { type: 'json' }
import qaRecordingReportedSample from './evidence/qa-recording-reported.json' with { type: 'json' }
import workflowCustomApiPushedSample from './evidence/workflow-custom-api-pushed.json' with { type: 'json' }
import workflowListCompletedSample from './evidence/workflow-list-completed.json' with { type: 'json' }
import workflowStatusChangedSample from './evidence/workflow-status-changed.json' with { type: 'json' }
import pdsContactStatusSample from './pds-contact-status.json' with { type: 'json' }
import workflowCallCompletedSample from './workflow-call-completed.json' with { type: 'json' }
import workflowChatbotSessionEndedSample from './workflow-chatbot-session-ended.json' with { type: 'json' }

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
