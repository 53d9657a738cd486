import { execFile } from 'node:child_process'
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { BIN, cli } from './helpers'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const packageDir = fileURLToPath(new URL('..', import.meta.url))

describe('airudder-webhooks', () => {
  it('lists the commands and exit codes with --help', async () => {
    const result = await cli(['--help'])
    expect(result).toMatchObject({ code: 0, stderr: '' })
    for (const name of ['send', 'replay', 'verify', 'detect-signature', 'schema']) {
      expect(result.stdout).toMatch(new RegExp(`^  ${name} +\\S`, 'm'))
    }
    expect(result.stdout).toContain('2 usage error')
  })

  it('exits 2 with the usage on a missing or unknown command', async () => {
    expect(await cli([])).toMatchObject({
      code: 2,
      stdout: '',
      stderr: expect.stringMatching(/^airudder-webhooks: missing command/),
    })
    const unknown = await cli(['sned'])
    expect(unknown).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown command "sned"') })
  })

  it('prints its version', async () => {
    expect(await cli(['--version'])).toMatchObject({ code: 0, stdout: '0.1.0\n' })
  })

  it('colours only on a terminal, or when FORCE_COLOR asks', async () => {
    const plain = await cli(['verify', 'nowhere.json'])
    expect(plain.stderr).not.toContain('\u001b[')
    const args = ['detect-signature', '--body', BIN, '--signature', 'x', '--key', 'k']
    expect((await cli(args)).stdout).not.toContain('\u001b[')
    expect((await cli(args, { env: { FORCE_COLOR: '1' } })).stdout).toContain('\u001b[31m')
  })

  it('is the bin of the package: an executable with a shebang, runnable with npx from the package', async () => {
    const { bin } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'))
    // A committed file, so pnpm links it at install time, before any build.
    const linked = join(packageDir, bin['airudder-webhooks'])
    expect(linked).toBe(join(packageDir, 'bin/airudder-webhooks.mjs'))
    expect(readFileSync(linked, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true)
    expect(statSync(linked).mode & 0o111).not.toBe(0)
    const direct = await promisify(execFile)(linked, ['--version'])
    expect(direct.stdout).toBe('0.1.0\n')
    const npx = await promisify(execFile)(
      'npx',
      ['--offline', '--no-install', 'airudder-webhooks', '--version'],
      {
        cwd: packageDir,
      },
    )
    expect(npx.stdout).toBe('0.1.0\n')
  })

  it('keeps the committed JSON Schemas and the README event table current (scripts/generate.mjs --check)', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['scripts/generate.mjs', '--check'], {
      cwd: root,
    })
    expect(stdout).toBe('generated files are current\n')
  })
})
