/**
 * @module
 * Starts an example server as a real child process on a free loopback port, waits until it
 * answers, collects its output line by line, and stops it. Every wait is bounded.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'

export interface RunningServer {
  readonly url: string
  /** Every line the process printed so far (stdout and stderr). */
  readonly lines: string[]
  /** Waits (bounded) until a printed line matches. */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>
  stop(): Promise<void>
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      )
    })
  })
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export async function startServer(options: {
  readonly cwd: string
  readonly command: string
  readonly args: readonly string[]
  readonly env?: Readonly<Record<string, string>>
  /** A path that answers once the server is up (any HTTP status counts). */
  readonly readyPath?: string
  readonly timeoutMs?: number
}): Promise<RunningServer> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const child: ChildProcess = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', HOSTNAME: '127.0.0.1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  const lines: string[] = []
  for (const stream of [child.stdout, child.stderr]) {
    let pending = ''
    stream?.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8')
      const parts = pending.split('\n')
      pending = parts.pop() ?? ''
      lines.push(...parts)
    })
  }
  let exited = false
  child.once('exit', () => {
    exited = true
  })
  const stop = async () => {
    if (exited || child.pid === undefined) return
    process.kill(-child.pid, 'SIGTERM')
    for (let waited = 0; !exited && waited < 5000; waited += 50) await sleep(50)
    if (!exited) process.kill(-child.pid, 'SIGKILL')
  }
  const deadline = Date.now() + (options.timeoutMs ?? 30_000)
  for (;;) {
    if (exited) throw new Error(`server exited before it answered:\n${lines.join('\n')}`)
    try {
      await fetch(`${url}${options.readyPath ?? '/'}`, { signal: AbortSignal.timeout(1000) })
      break
    } catch {
      if (Date.now() > deadline) {
        await stop()
        throw new Error(
          `server did not answer within ${options.timeoutMs ?? 30_000} ms:\n${lines.join('\n')}`,
        )
      }
      await sleep(200)
    }
  }
  const waitForLine = async (pattern: RegExp, timeoutMs = 5000) => {
    const until = Date.now() + timeoutMs
    for (;;) {
      const line = lines.find((candidate) => pattern.test(candidate))
      if (line !== undefined) return line
      if (Date.now() > until) throw new Error(`no line matched ${pattern}; output:\n${lines.join('\n')}`)
      await sleep(50)
    }
  }
  return { url, lines, waitForLine, stop }
}
