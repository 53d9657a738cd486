/**
 * The READMEs' command lines, run verbatim from the repository root against the Express example
 * (started as `start:example` starts it), with only its port changed: every
 * `npx -y pnpm@10.34.9 exec airudder-webhooks …` line and every `curl` line must succeed.
 */
import { type ChildProcessWithoutNullStreams, execFile, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from './packed'
import { freePort } from './run-snippet'

const FILES = ['README.md', 'examples/captured/README.md', 'examples/signature/README.md']
const COMMAND = /^(npx -y pnpm@10\.34\.9 exec airudder-webhooks |curl )/

/** Shell lines of the files' `sh` blocks (continuations joined) that run the CLI or curl. */
function commandLines(): { file: string; line: string }[] {
  return FILES.flatMap((file) => {
    const text = readFileSync(join(ROOT, file), 'utf8')
    const blocks = [...text.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1] ?? '')
    return blocks.flatMap((block) =>
      block
        .replace(/\\\n\s*/g, '')
        .split('\n')
        .map((line) => line.replace(/\s+#.*$/, '').trim())
        .filter((line) => COMMAND.test(line))
        .map((line) => ({ file, line })),
    )
  })
}

let example: ChildProcessWithoutNullStreams | undefined
let port = 0

beforeAll(async () => {
  port = await freePort()
  const dir = join(ROOT, 'examples/express-server')
  const tsx = join(dir, 'node_modules/tsx/dist/cli.mjs')
  example = spawn(process.execPath, [tsx, '--tsconfig', 'tsconfig.source.json', 'src/server.ts'], {
    cwd: dir,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'production',
      PORT: String(port),
    },
  })
  let output = ''
  await new Promise<void>((resolve, reject) => {
    example?.stdout.on('data', (chunk: Buffer) => {
      output += chunk
      if (output.includes('listening on')) resolve()
    })
    example?.on('exit', (code) => reject(new Error(`the example exited (${code}): ${output}`)))
  })
}, 60_000)
afterAll(() => example?.kill('SIGTERM'))

const lines = commandLines()

describe("the READMEs' command lines work verbatim", () => {
  it('finds them: send, replay, verify, detect-signature, schema and the curl', () => {
    const text = lines.map(({ line }) => line).join('\n')
    for (const command of ['send ', 'replay ', 'verify ', 'detect-signature ', 'schema ', 'curl ']) {
      expect(text).toContain(command)
    }
  })

  it.each(lines.map(({ file, line }) => [`${file}: ${line.slice(0, 110)}`, line]))('%s', async (_, line) => {
    const command = line.replaceAll('localhost:3000', `127.0.0.1:${port}`)
    const result = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile('bash', ['-c', command], { cwd: ROOT, timeout: 60_000 }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      )
    })
    expect(result, result.stderr).toMatchObject({ code: 0 })
    if (line.startsWith('curl ')) expect(result.stdout).toBe('{}')
  })
})
