/**
 * The public surface, name by name (values and types). Adding or removing an export fails here
 * until the list below says so: the API grows on purpose, never by an `export *`.
 */
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const ENTRIES = {
  '@airudder-webhooks/core': 'src/index.ts',
  '@airudder-webhooks/core/inbox': 'src/inbox.ts',
  '@airudder-webhooks/core/node': 'src/node.ts',
  '@airudder-webhooks/core/schemas': 'src/schemas.ts',
  '@airudder-webhooks/core/testing': 'src/testing/index.ts',
} as const

const EXPECTED: Record<keyof typeof ENTRIES, readonly string[]> = {
  '@airudder-webhooks/core': [
    'AirudderEvent',
    'Classified',
    'Decoded',
    'EventResult',
    'Verified',
    'Answer',
    'Definitions',
    'Delivery',
    'ErrorCode',
    'EventDefinition',
    'EventOf',
    'EventType',
    'IdempotencyStore',
    'Inbox',
    'InboxContext',
    'InboxEntry',
    'InvalidEvent',
    'Logger',
    'Receiver',
    'UnknownEvent',
    'Verification',
    'Verifier',
    'VerifyInput',
    'VerifyResult',
    'VerifyRules',
    'WebhookError',
    'Webhooks',
    'WebhooksOptions',
    'classify',
    'createMemoryIdempotencyStore',
    'createMemoryInbox',
    'createRegistry',
    'createWebhooks',
    'customVerifier',
    'decode',
    'defineEvent',
    'headerSign',
    'ipAllowlist',
    'md5Hex',
    'md5Sign',
    'optionsFromEnv',
    'parse',
    'summarizeEvent',
    'urlToken',
    'validate',
    'verify',
  ],
  '@airudder-webhooks/core/inbox': [
    'INBOX_STATUSES',
    'InboxCount',
    'InboxLease',
    'InboxListOptions',
    'InboxStats',
    'InboxStatus',
    'NewInboxEntry',
    'RetryOptions',
    'TransactionalInbox',
    'compareCounts',
    'matchesListOptions',
    'retryDelay',
    'statsOf',
  ],
  '@airudder-webhooks/core/node': [
    'AdapterInfo',
    'NodeHandlerOptions',
    'NodeRequestLike',
    'NodeResponseLike',
    'airudderServerOptions',
    'createNodeHandler',
  ],
  '@airudder-webhooks/core/schemas': [
    'AsrTurn',
    'AsrTurnSchema',
    'BuiltinPayloads',
    'CALL_STATUSES',
    'CallDetail',
    'CallDetailSchema',
    'ChatMessage',
    'ChatMessageSchema',
    'ChatbotChannelMessageSent',
    'ChatbotChannelMessageSentSchema',
    'ChatbotEvent',
    'ChatbotEventPayload',
    'ChatbotEventSchema',
    'ChatbotEventType',
    'DefaultVerify',
    'DriftField',
    'DriftKind',
    'DriftReport',
    'DriftTag',
    'EventDocs',
    'EventFor',
    'EventWildcard',
    'FieldKind',
    'HANGUP_TYPES',
    'HEADER_SIGN_ALGORITHMS',
    'HeaderSignAlgorithm',
    'JsonObject',
    'KnownEventType',
    'MESSAGE_STATUSES',
    'Matcher',
    'MessageContent',
    'MessageContentSchema',
    'OpenEnum',
    'PayloadMap',
    'PdsAgentStatus',
    'PdsAgentStatusSchema',
    'PdsContactStatus',
    'PdsContactStatusSchema',
    'PdsTaskStatus',
    'PdsTaskStatusSchema',
    'QaRecordingReported',
    'QaRecordingReportedSchema',
    'RING_TYPES',
    'RedialCall',
    'RedialCallSchema',
    'Registry',
    'RepliedMessage',
    'RepliedMessageSchema',
    'SENDER_TYPES',
    'SESSION_END_REASONS',
    'SIGNING_DOCS',
    'SYSTEM_EVENTS',
    'SchemaIssue',
    'SessionMessage',
    'SessionMessageSchema',
    'Shape',
    'Signing',
    'TASK_STATUSES',
    'TaskDetailResponse',
    'TaskDetailResponseSchema',
    'UnrecognisedContent',
    'UnrecognisedContentType',
    'WebhookEvent',
    'WorkflowCallCompleted',
    'WorkflowCallCompletedSchema',
    'WorkflowChatbotSessionEnded',
    'WorkflowChatbotSessionEndedSchema',
    'WorkflowCustomApiPushed',
    'WorkflowCustomApiPushedSchema',
    'WorkflowListCompleted',
    'WorkflowListCompletedSchema',
    'WorkflowStatusChanged',
    'WorkflowStatusChangedSchema',
    'builtinEvents',
    'canonicalDecimal',
    'chatbotChannelMessageSent',
    'chatbotEvent',
    'decimal',
    'defaultRegistry',
    'detectDrift',
    'driftTag',
    'eventId',
    'idString',
    'integer',
    'isJsonObject',
    'openEnum',
    'optional',
    'parseCallDetail',
    'parseTaskDetail',
    'pdsAgentStatus',
    'pdsContactStatus',
    'pdsTaskStatus',
    'qaRecordingReported',
    'rawBodyId',
    'text',
    'typesSignedWith',
    'workflowCallCompleted',
    'workflowChatbotSessionEnded',
    'workflowCustomApiPushed',
    'workflowListCompleted',
    'workflowStatusChanged',
  ],
  '@airudder-webhooks/core/testing': [
    'ChatbotSamplePayload',
    'ChatbotSampleType',
    'DeliveryRequestOptions',
    'Overrides',
    'SAMPLE_TYPES',
    'SamplePayload',
    'SamplePayloads',
    'SampleType',
    'SignOptions',
    'SignScheme',
    'SignedDelivery',
    'buildEvent',
    'computeSignature',
    'createDeliveryRequest',
    'defaultScheme',
    'deliveryUrl',
    'signDelivery',
  ],
}

/** Every name an entry exports, values and types alike, as the compiler sees it. */
function exportedNames(): Record<string, string[]> {
  const path = (file: string) => fileURLToPath(new URL(`../${file}`, import.meta.url))
  const files = Object.values(ENTRIES).map(path)
  const program = ts.createProgram(files, {
    module: ts.ModuleKind.Preserve,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    resolveJsonModule: true,
    strict: true,
    noEmit: true,
  })
  const checker = program.getTypeChecker()
  return Object.fromEntries(
    Object.entries(ENTRIES).map(([entry, file]) => {
      const source = program.getSourceFile(path(file))
      const module = source && checker.getSymbolAtLocation(source)
      if (!module) throw new Error(`${file} is not a module`)
      return [
        entry,
        checker
          .getExportsOfModule(module)
          .map((symbol) => symbol.name)
          .sort(),
      ]
    }),
  )
}

describe('public exports', () => {
  const actual = exportedNames()

  it.each(Object.keys(ENTRIES))('%s exports exactly the listed names', (entry) => {
    expect(actual[entry]).toEqual([...EXPECTED[entry as keyof typeof ENTRIES]].sort())
  })

  it('keeps the root small enough to read in one sitting (at most 50 names)', () => {
    expect(actual['@airudder-webhooks/core']?.length).toBeLessThanOrEqual(50)
  })

  it('lists each name in one entry only (the root and its subpaths do not overlap)', () => {
    const all = Object.values(actual).flat()
    expect(all.filter((name, index) => all.indexOf(name) !== index)).toEqual([])
  })
})
