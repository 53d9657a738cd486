import { describe, expect, it } from 'vitest'
import { createMemoryInbox, createWebhooks, urlToken } from '../src/index'
import { type DriftField, type DriftReport, detectDrift, WorkflowCallCompletedSchema } from '../src/schemas'
import { signDelivery } from '../src/testing/index'
import { fixtureJson } from './fixtures'
import { post } from './webhooks/helpers'

const sorted = (fields: readonly DriftField[]) =>
  [...fields].sort((a, b) => `${a.path} ${a.kind}`.localeCompare(`${b.path} ${b.kind}`))

describe('detectDrift', () => {
  it('finds nothing in the published example', () => {
    expect(detectDrift(WorkflowCallCompletedSchema, fixtureJson('workflow-call-completed.json'))).toEqual([])
  })

  it('names each drifted field once per path, with array elements as []', () => {
    const json = fixtureJson('workflow-call-completed.json')
    json.Details.push({ ...json.Details[0], BorrowedAmount: null })
    json.Details[0].BorrowedAmount = null
    json.Details[0].CallTimes = '2'
    json.Details[0].Comments = 7777777
    json.Details[0].RobotID = 4585 // an id: documented as integer in one place, string in another
    json.Details[0].Status = 'rescheduled'
    json.Details[0].RingType = null
    json.Details[0].NewCountryField = 'id-ID'
    json.added = true
    delete json.Details[1].CallID
    json.Details[0].RedailCall[0].RingType = 'new_ring'
    expect(sorted(detectDrift(WorkflowCallCompletedSchema, json))).toEqual(
      sorted([
        { path: 'Details[].Comments', kind: 'coerced' },
        { path: 'Details[].Status', kind: 'unknown_enum' },
        { path: 'Details[].CallID', kind: 'missing' },
        { path: 'Details[].CallTimes', kind: 'coerced' },
        { path: 'Details[].BorrowedAmount', kind: 'null' },
        { path: 'Details[].RingType', kind: 'null' },
        { path: 'Details[].RedailCall[].RingType', kind: 'unknown_enum' },
        { path: 'Details[].NewCountryField', kind: 'unknown_field' },
        { path: 'added', kind: 'unknown_field' },
      ]),
    )
  })

  it('reads the payload as it is parsed: a PDS body under its lifted path, an empty body as {}', async () => {
    const { PdsContactStatusSchema } = await import('../src/schemas')
    const json = fixtureJson('pds-contact-status.json')
    json.pds.body.state = 'QUEUED'
    json.pds.body.queueName = 'q1'
    expect(detectDrift(PdsContactStatusSchema, json)).toEqual([
      { path: 'body.state', kind: 'unknown_enum' },
      { path: 'body.queueName', kind: 'unknown_field' },
    ])
    expect(detectDrift(PdsContactStatusSchema, { type: 'ContactStatus', body: '' })).toEqual([])
    // The dialer documents its epoch-ms `timestamp` as text: a number there is the drift.
    json.pds.body.timestamp = 1668998317236
    expect(detectDrift(PdsContactStatusSchema, json)).toContainEqual({
      path: 'body.timestamp',
      kind: 'coerced',
    })
  })
})

describe('webhooks.onDrift', () => {
  const TOKEN = 'drift-token'
  const receiver = () => createWebhooks({ logger: false, verify: { 'pds.*': urlToken({ tokens: TOKEN }) } })

  it('reports a verified delivery whose fields drifted, by type and id, and still delivers it', async () => {
    const webhooks = receiver()
    const reports: DriftReport[] = []
    const handled: string[] = []
    webhooks.onDrift((report) => void reports.push(report))
    webhooks.on('workflow.call.completed', (event) => void handled.push(event.id))
    const json = fixtureJson('workflow-call-completed.json')
    json.Details[0].ExtraA = null
    json.Details[0].HangupType = 'ByNetwork'
    const response = await webhooks.handle(post(signDelivery(json).body))
    expect(response.status).toBe(200)
    expect(handled).toHaveLength(1)
    expect(reports).toEqual([
      {
        type: 'workflow.call.completed',
        id: handled[0],
        fields: [
          { path: 'Details[].HangupType', kind: 'unknown_enum' },
          { path: 'Details[].ExtraA', kind: 'null' },
        ],
      },
    ])
  })

  it('reports a missing promised field of a verified delivery, and says nothing of one that drifted not at all', async () => {
    const webhooks = receiver()
    const reports: DriftReport[] = []
    webhooks.onDrift((report) => void reports.push(report))
    webhooks.onInvalid(() => undefined)
    await webhooks.handle(post(signDelivery(fixtureJson('workflow-call-completed.json')).body))
    expect(reports).toEqual([])
    const json = fixtureJson('workflow-call-completed.json')
    delete json.Details[0].CallID
    expect((await webhooks.handle(post(signDelivery(json).body))).status).toBe(200)
    expect(reports.map((report) => report.fields)).toEqual([[{ path: 'Details[].CallID', kind: 'missing' }]])
  })

  it('hears nothing of a delivery that failed its check', async () => {
    const webhooks = receiver()
    const reports: DriftReport[] = []
    webhooks.onDrift((report) => void reports.push(report))
    const json = fixtureJson('pds-contact-status.json')
    json.pds.body.state = 'QUEUED'
    const refused = await webhooks.handle(post(JSON.stringify(json), {}, 'http://localhost/hook?token=wrong'))
    expect(refused.status).toBe(401)
    expect(reports).toEqual([])
    await webhooks.handle(post(JSON.stringify(json), {}, `http://localhost/hook?token=${TOKEN}`))
    expect(reports.map((report) => report.type)).toEqual(['pds.contact.status'])
  })

  it('reports in inbox mode too, before the delivery is stored', async () => {
    const inbox = createMemoryInbox()
    const webhooks = createWebhooks({ logger: false, inbox, processing: { autoStart: false } })
    const reports: DriftReport[] = []
    webhooks.onDrift((report) => void reports.push(report))
    const json = fixtureJson('workflow-call-completed.json')
    json.Details[0].TotalOwingAmount = null
    expect((await webhooks.handle(post(signDelivery(json).body))).status).toBe(200)
    const [entry] = await inbox.list({ limit: 10 })
    expect(reports).toEqual([
      {
        type: 'workflow.call.completed',
        id: entry?.id,
        fields: [{ path: 'Details[].TotalOwingAmount', kind: 'null' }],
      },
    ])
  })

  it('a throwing listener changes nothing for AIRudder', async () => {
    const webhooks = receiver()
    webhooks.onDrift(() => {
      throw new Error('listener bug')
    })
    const json = fixtureJson('workflow-call-completed.json')
    json.extra = 1
    expect((await webhooks.handle(post(signDelivery(json).body))).status).toBe(200)
  })
})
