/**
 * @module
 * A test server as a real child process (tsx over a TypeScript fixture) in its own process group,
 * so a test can SIGKILL it the way a crash would. Every wait is bounded; `kill()` is idempotent.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { freePort } from '../process'
import { sleep, waitFor } from './numbered'

const tsxCli = createRequire(
  new URL('../../../../examples/express-server/package.json', import.meta.url),
).resolve('tsx/cli')

export interface ServerProcess {
  readonly url: string
  readonly pid: number
  readonly lines: string[]
  readonly exited: boolean
  /** Signals the whole process group and waits (bounded) until it is gone. */
  kill(signal?: NodeJS.Signals): Promise<void>
}

export async function startServerProcess(options: {
  readonly cwd: string
  readonly script: string
  readonly env: Readonly<Record<string, string>>
  readonly timeoutMs?: number
  /** A fixed port, to restart a server where its clients expect it. Default a free one. */
  readonly port?: number
}): Promise<ServerProcess> {
  const port = options.port ?? (await freePort())
  const child: ChildProcess = spawn(process.execPath, [tsxCli, options.script], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  const pid = child.pid
  if (pid === undefined) throw new Error(`could not start ${options.script}`)
  const lines: string[] = []
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding('utf8')
    stream?.on('data', (chunk: string) => lines.push(...chunk.split('\n').filter(Boolean)))
  }
  let exited = false
  child.once('exit', () => {
    exited = true
  })
  const kill = async (signal: NodeJS.Signals = 'SIGKILL') => {
    if (exited) return
    try {
      process.kill(-pid, signal)
    } catch {
      // The group is already gone.
    }
    await waitFor(`${options.script} to exit`, () => exited, 10_000)
  }
  const server: ServerProcess = {
    url: `http://127.0.0.1:${port}`,
    pid,
    lines,
    get exited() {
      return exited
    },
    kill,
  }
  try {
    await waitFor(
      `${options.script} to listen`,
      () => {
        if (exited) throw new Error(`${options.script} exited before it listened:\n${lines.join('\n')}`)
        return lines.some((line) => line.startsWith('listening'))
      },
      options.timeoutMs ?? 30_000,
    )
  } catch (error) {
    await kill()
    throw error
  }
  await sleep(0)
  return server
}
