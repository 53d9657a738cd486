/** Redaction: what users apply to their own payload logging, and what the kit applies to its lines. */
import { describe, expect, it } from 'vitest'
import { personalValues, redact, redactText } from '../../src/redact'
import { buildEvent } from '../../src/testing/index'

const call = buildEvent('workflow.call.completed', {
  Details: [{ CalleeName: 'Siti Rahayu', CalleeNumber: '+62 812-3456-7890', CallID: 'call-1' }],
})

describe('redact', () => {
  it('masks names and numbers at any depth and keeps every other field', () => {
    const masked = redact(call)
    expect(masked.Details[0]).toMatchObject({
      CalleeName: '[redacted]',
      CalleeNumber: '[redacted]',
      CallID: 'call-1',
      Intention: call.Details[0]?.Intention,
    })
    expect(masked.TaskID).toBe(call.TaskID)
    expect(JSON.stringify(masked)).not.toMatch(/Siti|7890/)
    // The input is left as it was.
    expect(call.Details[0]?.CalleeName).toBe('Siti Rahayu')
  })

  it('masks a personal object whole, takes extra keys and a custom mask, and leaves empty values', () => {
    const payload = { callee: { number: '0812', name: 'Budi' }, nik: '3171', CalleeName: '', id: 7 }
    expect(redact(payload, { keys: ['NIK'], mask: (value) => `<${value.length}>` })).toEqual({
      callee: '<31>',
      nik: '<4>',
      CalleeName: '',
      id: 7,
    })
  })
})

describe('personalValues and redactText', () => {
  it('lists the personal values of a payload, longest first', () => {
    const payload = {
      TaskID: 't1',
      Details: [
        { CalleeName: 'Siti', callee_number: '0812 3456 7890', RedailCall: [{ CalleeNumber: '081299' }] },
      ],
    }
    expect(personalValues(payload)).toEqual(['0812 3456 7890', '081299', 'Siti'])
  })

  it('masks those values and phone-like numbers in free text, not ids or short numbers', () => {
    const text = 'Siti Rahayu did not answer on +62 812-3456-7890 (also 081234567890); call-1, attempt 3 of 8'
    expect(redactText(text, personalValues(call))).toBe(
      '[redacted] did not answer on [redacted] (also [redacted]); call-1, attempt 3 of 8',
    )
    expect(redactText('task 490d5ec3c1 failed: HTTP 503')).toBe('task 490d5ec3c1 failed: HTTP 503')
  })
})
