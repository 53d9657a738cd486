/**
 * Runs a README snippet as a user would: its file executed with `tsx` in the packed project.
 * A server snippet (one that listens on 3000) is started on a free port instead; a route-handler
 * snippet (`export const POST`) is imported by a tiny driver that posts one delivery to it.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import type { Snippet } from './snippets'

export const isServer = (snippet: Snippet) => /(listen\(|port: )3000\b/.test(snippet.code)
export const isRouteHandler = (snippet: Snippet) => /export const POST\b/.test(snippet.code)

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
    server.on('error', reject)
  })
}

export interface Running {
  readonly url: string
  output(): string
  stop(): void
  /** Whether the process has exited, waiting up to `ms` for it. */
  exited(ms: number): Promise<boolean>
}

function tsx(
  project: string,
  file: string,
  env: Record<string, string>,
): { child: ChildProcessWithoutNullStreams; output: () => string } {
  const child = spawn(process.execPath, [join(project, 'node_modules/tsx/dist/cli.mjs'), file], {
    cwd: project,
    // Only what a shell would have: no AIRUDDER_* leaks in from the test run.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'production', ...env },
  })
  let text = ''
  child.stdout.on('data', (chunk: Buffer) => (text += chunk))
  child.stderr.on('data', (chunk: Buffer) => (text += chunk))
  return { child, output: () => text }
}

/** Starts a server snippet with its port replaced by a free one; resolves once it answers HTTP. */
export async function startServer(
  project: string,
  snippet: Snippet,
  env: Record<string, string>,
): Promise<Running> {
  const port = await freePort()
  const file = join(project, 'snippets', `run-${port}-${snippet.file}`)
  writeFileSync(file, snippet.code.replace(/\b3000\b/g, String(port)))
  const { child, output } = tsx(project, file, env)
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${snippet.name} exited (${child.exitCode}): ${output()}`)
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) })
      const exited = (ms: number) =>
        new Promise<boolean>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve(true)
          const timer = setTimeout(() => resolve(false), ms)
          child.once('exit', () => {
            clearTimeout(timer)
            resolve(true)
          })
        })
      return { url, output, stop: () => child.kill('SIGTERM'), exited }
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }
  child.kill('SIGKILL')
  throw new Error(`${snippet.name} did not listen within 60 s: ${output()}`)
}

/** Imports a route-handler snippet and posts `body` to its `POST`; resolves with what it printed. */
export async function callRouteHandler(
  project: string,
  snippet: Snippet,
  body: string,
  env: Record<string, string>,
): Promise<{ status: number; body: string; output: string }> {
  const module = join(project, 'snippets', snippet.file)
  const driver = join(project, 'snippets', `drive-${snippet.file}`)
  writeFileSync(
    driver,
    [
      `const { POST } = await import(${JSON.stringify(module)})`,
      `const response = await POST(new Request('http://localhost/webhooks/airudder', { method: 'POST', headers: { 'content-type': 'application/json' }, body: ${JSON.stringify(body)} }))`,
      'await new Promise((resolve) => setTimeout(resolve, 50)) // let handlers after the answer print',
      "console.log('ANSWER', response.status, await response.text())",
      'process.exit(0)',
    ].join('\n'),
  )
  const { child, output } = tsx(project, driver, env)
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
  const answer = /ANSWER (\d+) (.*)/.exec(output())
  if (!answer) throw new Error(`${snippet.name} exited (${code}) without an answer: ${output()}`)
  return { status: Number(answer[1]), body: answer[2] ?? '', output: output() }
}
