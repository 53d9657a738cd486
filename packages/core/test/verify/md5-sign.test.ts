import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { md5Hex, md5Sign } from '../../src/verify/md5-sign'
import { fixtureJson } from '../fixtures'
import { expectSafeFailure, makeInput } from './input'

const taskId = 'ac23fa05005e59b92e0b8a19fa5faf07'
const docSign = '4d6017151d678e816c678d90e56e6e28'
const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex')
const delivery = (json: unknown) => makeInput({ body: JSON.stringify(json) })

describe('md5Hex', () => {
  it('matches the AIRudder docs test vector', () => {
    expect(md5Hex(`${taskId}airudder`)).toBe(docSign)
  })

  it('hashes the UTF-8 bytes, in lowercase hex', () => {
    expect(md5Hex('')).toBe('d41d8cd98f00b204e9800998ecf8427e')
    expect(md5Hex('tâche-клíč-鍵')).toBe(md5('tâche-клíč-鍵'))
  })
})

describe('md5Sign', () => {
  it('accepts the AIRudder docs vector with the default KEY', () => {
    const verifier = md5Sign()
    expect(verifier.name).toBe('md5Sign')
    expect(verifier.verify(delivery({ TaskID: taskId, Sign: docSign }))).toEqual({
      ok: true,
      method: 'md5Sign',
      keyIndex: 0,
    })
  })

  it('accepts a full published call-completion push signed with a custom KEY', () => {
    const push = fixtureJson('workflow-call-completed.json')
    push.Sign = md5(`${push.TaskID}my-key`)
    expect(md5Sign({ keys: 'my-key' }).verify(delivery(push))).toEqual({
      ok: true,
      method: 'md5Sign',
      keyIndex: 0,
    })
    expect(md5Sign().verify(delivery(push))).toEqual({ ok: false, reason: 'Sign does not match' })
  })

  it('compares the received signature case-insensitively', () => {
    const result = md5Sign().verify(delivery({ TaskID: taskId, Sign: docSign.toUpperCase() }))
    expect(result).toEqual({ ok: true, method: 'md5Sign', keyIndex: 0 })
  })

  it('reports which rotated key matched, trying all of them', () => {
    const verifier = md5Sign({ keys: ['new-key', 'airudder', 'older-key'] })
    expect(verifier.verify(delivery({ TaskID: taskId, Sign: docSign }))).toEqual({
      ok: true,
      method: 'md5Sign',
      keyIndex: 1,
    })
    const signedWithNew = { TaskID: taskId, Sign: md5(`${taskId}new-key`) }
    expect(verifier.verify(delivery(signedWithNew))).toMatchObject({ ok: true, keyIndex: 0 })
  })

  it('rejects a wrong signature without revealing the expected one, the received one or a key', () => {
    const wrong = md5(`${taskId}other-key`)
    const result = md5Sign({ keys: ['secret-key', 'airudder'] }).verify(
      delivery({ TaskID: taskId, Sign: wrong }),
    )
    expectSafeFailure(result, 'Sign does not match', [
      wrong,
      docSign,
      md5(`${taskId}secret-key`),
      'secret-key',
    ])
  })

  it('rejects a tampered TaskID', () => {
    const result = md5Sign().verify(delivery({ TaskID: `${taskId}0`, Sign: docSign }))
    expect(result).toEqual({ ok: false, reason: 'Sign does not match' })
  })

  it('reads the configured fields', () => {
    const verifier = md5Sign({ field: 'CallID', signField: 'Signature', keys: 'k' })
    expect(verifier.verify(delivery({ CallID: 'c-1', Signature: md5('c-1k') }))).toMatchObject({ ok: true })
    expect(verifier.verify(delivery({ CallID: 'c-1', Sign: md5('c-1k') }))).toEqual({
      ok: false,
      reason: 'missing Signature field',
    })
    expect(verifier.verify(delivery({ TaskID: 'c-1', Signature: md5('c-1k') }))).toEqual({
      ok: false,
      reason: 'missing CallID field',
    })
  })

  it('fails with a short reason for each malformed body', () => {
    const verify = (json: unknown) => md5Sign().verify(makeInput({ json }))
    expect(verify({ TaskID: taskId })).toEqual({ ok: false, reason: 'missing Sign field' })
    expect(verify({ TaskID: taskId, Sign: '' })).toEqual({ ok: false, reason: 'missing Sign field' })
    expect(verify({ TaskID: taskId, Sign: null })).toEqual({ ok: false, reason: 'missing Sign field' })
    expect(verify({ TaskID: taskId, Sign: 42 })).toEqual({ ok: false, reason: 'Sign field is not a string' })
    expect(verify({ Sign: docSign })).toEqual({ ok: false, reason: 'missing TaskID field' })
    expect(verify({ TaskID: '', Sign: docSign })).toEqual({ ok: false, reason: 'missing TaskID field' })
    expect(verify({ TaskID: true, Sign: docSign })).toEqual({
      ok: false,
      reason: 'TaskID field is not a string or number',
    })
    for (const json of [undefined, null, 'text', 42, [{ TaskID: taskId, Sign: docSign }]]) {
      expect(verify(json)).toEqual({ ok: false, reason: 'body is not a JSON object' })
    }
  })

  it('refuses an empty key list or an empty key at construction', () => {
    expect(() => md5Sign({ keys: [] })).toThrow(
      new TypeError('@airudder-webhooks/core: md5Sign needs at least one key'),
    )
    expect(() => md5Sign({ keys: '' })).toThrow(TypeError)
    expect(() => md5Sign({ keys: ['ok', ''] })).toThrow(/md5Sign/)
  })

  it('answers each delivery on its own when one verifier sees a run of TaskIDs and keys', () => {
    const verifier = md5Sign({ keys: ['new-key', 'old-key'] })
    const signed = (task: string, key: string) => delivery({ TaskID: task, Sign: md5(`${task}${key}`) })
    const answers = [
      signed('task-a', 'new-key'),
      signed('task-a', 'old-key'),
      signed('task-b', 'old-key'),
      signed('task-a', 'wrong-key'),
      delivery({ TaskID: 'task-a', Sign: md5('task-bnew-key') }),
      signed('task-a', 'new-key'),
    ].map((input) => verifier.verify(input))
    expect(answers.map((answer) => (answer.ok ? answer.keyIndex : 'refused'))).toEqual([
      0,
      1,
      1,
      'refused',
      'refused',
      0,
    ])
  })
})
