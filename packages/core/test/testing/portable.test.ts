import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const dir = join(import.meta.dirname, '../../src/testing')
const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'))

describe('the test kit runs on edge runtimes too', () => {
  it.each(files)('%s imports no Node built-in and reads no file', (file) => {
    const source = readFileSync(join(dir, file), 'utf8')
    expect(source).not.toMatch(/from '(node:|fs|path|buffer)/)
    expect(source).not.toMatch(/\b(Buffer|process|require)\b[.(]/)
  })
})
