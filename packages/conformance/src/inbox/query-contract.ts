/**
 * @module
 * The query side of the inbox contract (filters, search, stats, requeueing dead entries by type):
 * what an operator's console relies on, for every implementation. Runs inside `runInboxContract`.
 */
import type { Inbox } from '@airudder-webhooks/core'
import type { InboxStatus, NewInboxEntry } from '@airudder-webhooks/core/inbox'
import { expect, it } from 'vitest'

const at = (day: number) => new Date(Date.UTC(2026, 0, day))

const stored = (id: string, type: string, day: number, raw: Record<string, unknown>): NewInboxEntry => ({
  id,
  type,
  raw: JSON.stringify(raw),
  receivedAt: at(day),
  verification: { status: 'verified', method: 'md5Sign', keyIndex: 0 },
})

const CALL = 'workflow.call.completed'
const PDS = 'pds.contact.status'

/** Four entries of two types over four days; `call-2` and `pds-4` end dead, `call-3` done. */
async function seed(box: Inbox): Promise<void> {
  await box.add(
    stored('call-1', CALL, 1, { TaskID: 'task-A', Details: [{ CallID: 'cAlL-x1', CaseID: '7777777.0' }] }),
  )
  await box.add(
    stored('call-2', CALL, 2, { TaskID: 'task-B', Details: [{ CallID: 'call-y2', CaseID: 'case-9' }] }),
  )
  await box.add(stored('call-3', CALL, 3, { TaskID: 'task-C', Details: [{ CallID: 'call-z3' }] }))
  await box.add(stored('pds-4', PDS, 4, { type: 'ContactStatus', body: { callid: 'pds-callid-4' } }))
  const claimed = await box.claim(10, 60_000)
  const lease = (id: string) => {
    const found = claimed.find((e) => e.id === id)
    if (!found) throw new Error(`expected ${id} to be claimed`)
    return found
  }
  await box.fail(lease('call-1'), 'retry later', new Date(Date.now() + 60_000))
  await box.fail(lease('call-2'), 'crm down', null)
  await box.complete(lease('call-3'))
  await box.fail(lease('pds-4'), 'bad mapping', null)
}

const ids = (entries: readonly { id: string }[]) => entries.map((e) => e.id)

export function queryContract(fresh: () => Promise<Inbox>): void {
  it('lists by type, by time range and by status together, newest first', async () => {
    const box = await fresh()
    await seed(box)
    expect(ids(await box.list({ type: CALL }))).toEqual(['call-3', 'call-2', 'call-1'])
    expect(ids(await box.list({ receivedAfter: at(2), receivedBefore: at(4) }))).toEqual(['call-3', 'call-2'])
    expect(ids(await box.list({ status: 'dead', type: CALL }))).toEqual(['call-2'])
    expect(ids(await box.list({ status: 'dead', type: PDS, receivedBefore: at(4) }))).toEqual([])
  })

  it('searches ids and bodies for a TaskID, CallID, CaseID or callid, ignoring case', async () => {
    const box = await fresh()
    await seed(box)
    expect(ids(await box.list({ search: 'CALL-X1' }))).toEqual(['call-1'])
    expect(ids(await box.list({ search: 'task-b' }))).toEqual(['call-2'])
    expect(ids(await box.list({ search: '7777777.0' }))).toEqual(['call-1'])
    expect(ids(await box.list({ search: 'pds-callid-4' }))).toEqual(['pds-4'])
    expect(ids(await box.list({ search: 'call-3' }))).toEqual(['call-3'])
    expect(ids(await box.list({ search: "%' OR 1=1 --" }))).toEqual([])
    expect(ids(await box.list({ search: 'call-', status: 'dead' }))).toEqual(['call-2'])
  })

  it('counts entries by type and status and reports the oldest pending one', async () => {
    const box = await fresh()
    expect(await box.stats()).toEqual({ counts: [], oldestPendingAt: undefined })
    await seed(box)
    const expected: { type: string; status: InboxStatus; count: number }[] = [
      { type: PDS, status: 'dead', count: 1 },
      { type: CALL, status: 'pending', count: 1 },
      { type: CALL, status: 'done', count: 1 },
      { type: CALL, status: 'dead', count: 1 },
    ]
    expect(await box.stats()).toEqual({ counts: expected, oldestPendingAt: at(1) })
  })

  it('requeues every dead entry of one type, or of all types, with attempts reset', async () => {
    const box = await fresh()
    await seed(box)
    expect(await box.requeueDead(CALL)).toBe(1)
    expect(await box.get('call-2')).toMatchObject({ status: 'pending', attempts: 0, lastError: undefined })
    expect(await box.get('pds-4')).toMatchObject({ status: 'dead', lastError: 'bad mapping' })
    expect(await box.get('call-3')).toMatchObject({ status: 'done' })
    expect(await box.requeueDead(CALL)).toBe(0)
    expect(await box.requeueDead()).toBe(1)
    expect(ids(await box.list({ status: 'dead' }))).toEqual([])
    expect(ids(await box.claim(10, 60_000)).sort()).toEqual(['call-2', 'pds-4'])
  })
}
